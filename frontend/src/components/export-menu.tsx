import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { downloadFile, MEDIA_TYPES, type ExportFormat } from '@/lib/download';
import type { Purpose } from '@/lib/purpose';

export interface ExportMenuProps {
  /** The export endpoint, e.g. `/api/v1/persons/export`; `format` is added to `params`. */
  path: string;
  /** The list's filters, as on screen. */
  params?: Record<string, string | number | undefined | null>;
  /** The file name without its extension. */
  fileStem: string;
  /** `X-Purpose` when the export holds case content (it is recorded like a read). */
  purpose?: Purpose;
}

/** "Atsisiųsti" → CSV or Excel: the list as on screen, with the same filters. */
export function ExportMenu({ path, params = {}, fileStem, purpose }: ExportMenuProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const download = async (format: ExportFormat) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
    }
    query.set('format', format);
    setBusy(format);
    try {
      await downloadFile(`${path}?${query.toString()}`, {
        accept: MEDIA_TYPES[format],
        filename: `${fileStem}.${format}`,
        purpose,
      });
    } catch (error) {
      notifications.show({ color: 'red', message: t('common.export.failed', { detail: errorMessage(t, error) }) });
    } finally {
      setBusy(null);
    }
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" loading={busy !== null}>
          {t('common.export.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void download('csv')}>{t('common.export.csv')}</Menu.Item>
        <Menu.Item onClick={() => void download('xlsx')}>{t('common.export.xlsx')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
