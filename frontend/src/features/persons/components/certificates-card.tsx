import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { FormModal } from '@/components/form-modal';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useAddCertificate } from '../api/add-certificate';
import { CertificateForm } from './certificate-form';

type Certificate = components['schemas']['CertificateView'];

interface Props {
  personId: string;
  certificates: readonly Certificate[];
  /** Below the certificates in the same card (the person's families). */
  children?: ReactNode;
}

/** A person's certificates with their validity; those who record people add one in a dialog. */
export function CertificatesCard({ personId, certificates, children }: Props) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const add = useAddCertificate(personId);
  const [adding, setAdding] = useState(false);
  const [dirty, setDirty] = useState(false);
  const closeAdd = () => {
    setAdding(false);
    setDirty(false);
    add.reset();
  };
  const canWrite = can(me.data, 'write_persons');
  const lang = i18n.language;
  return (
    <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="certificates">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="certificates">
          {t('file.certificates')}
        </Title>
        {canWrite ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('file.add_certificate')}
          </Button>
        ) : null}
      </Group>
      {certificates.length === 0 ? <Text c="dimmed">{t('file.none')}</Text> : null}
      <Stack gap="xs">
        {certificates.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t(`certificate.${c.kind}`)}
              {c.value ? `: ${c.value}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDate(c.valid_from, lang)} – {c.valid_until ? formatDate(c.valid_until, lang) : t('file.indefinite')}
            </Text>
          </Group>
        ))}
      </Stack>
      {children}
      <FormModal opened={adding} onClose={closeAdd} title={t('file.add_certificate')} dirty={dirty}>
        {(requestClose) => (
          <CertificateForm
            submitting={add.isPending}
            error={add.error}
            onDirtyChange={setDirty}
            onCancel={requestClose}
            onSubmit={(v) =>
              add.mutate(v, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('common.saved') });
                  closeAdd();
                },
              })
            }
          />
        )}
      </FormModal>
    </Card>
  );
}
