import { Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { FILLED_GREEN, FILLED_ORANGE } from '@/lib/colors';

type DocStatus = components['schemas']['DocumentStatus'];

export interface ChecklistLine {
  code: string;
  name_lt: string;
  name_en: string;
  status: DocStatus;
}

const STATUSES: DocStatus[] = ['provided', 'missing', 'not_needed'];
const STATUS_COLORS: Record<DocStatus, string> = { provided: 'green', missing: 'orange', not_needed: 'gray' };

/** The documents checklist (R-EL-6): each document provided, missing or not needed. */
export function DocumentsChecklist({
  lines,
  onChange,
  readOnly = false,
  errors = {},
}: {
  lines: ChecklistLine[];
  onChange?: (lines: ChecklistLine[]) => void;
  readOnly?: boolean;
  errors?: Record<string, string>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs">
      {!readOnly && onChange ? (
        <Group justify="flex-end">
          <Button size="xs" variant="subtle" onClick={() => onChange(lines.map((l) => ({ ...l, status: 'provided' })))}>
            {t('intake.all_provided')}
          </Button>
        </Group>
      ) : null}
      {lines.map((line) => {
        const name = i18n.language === 'en' ? line.name_en : line.name_lt;
        const error = errors[`documents.${line.code}`];
        return (
          <Group key={line.code} justify="space-between" wrap="nowrap" align="center" data-document={line.code}>
            <div style={{ flex: 1 }}>
              <Text size="sm" id={`doc-${line.code}`}>
                {name}
              </Text>
              {error ? (
                <Text size="xs" c="red.8">
                  {t('doc_status.missing')}
                </Text>
              ) : null}
            </div>
            {readOnly ? (
              <Badge variant="light" color={STATUS_COLORS[line.status]}>
                {t(`doc_status.${line.status}`)}
              </Badge>
            ) : (
            <SegmentedControl
              size="xs"
              aria-labelledby={`doc-${line.code}`}
              value={line.status}
              color={line.status === 'missing' ? FILLED_ORANGE : line.status === 'provided' ? FILLED_GREEN : 'gray'}
              onChange={(value) =>
                onChange?.(lines.map((l) => (l.code === line.code ? { ...l, status: value as DocStatus } : l)))
              }
              data={STATUSES.map((s) => ({ value: s, label: t(`doc_status.${s}`) }))}
            />
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
