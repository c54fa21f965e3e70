import { Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { useServiceTypes } from '@/lib/catalogue';
import { type ServiceType, useUpdateServiceType } from '../api/update-service-type';
import { ServiceTypeForm } from './service-type-form';

/** The municipality's service catalogue: each service's deadline, payment, documents; edited in a dialog. */
export function ServiceTypesPanel() {
  const { t, i18n } = useTranslation();
  const services = useServiceTypes();
  const update = useUpdateServiceType();
  const [editing, setEditing] = useState<string | null>(null);
  const current = services.data?.find((s) => s.id === editing) ?? null;
  const name = (s: ServiceType) => (i18n.language === 'en' ? s.spec.name_en : s.spec.name_lt);

  function close() {
    setEditing(null);
    update.reset();
  }

  return (
    <Stack gap="md">
      {services.isError ? <QueryError error={services.error} /> : null}
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('catalogue.services_tab')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue.service')}</Table.Th>
                <Table.Th>{t('catalogue.group')}</Table.Th>
                <Table.Th>{t('catalogue.deadline')}</Table.Th>
                <Table.Th>{t('catalogue.payment')}</Table.Th>
                <Table.Th ta="right">{t('catalogue.documents_count')}</Table.Th>
                <Table.Th>{t('catalogue.status')}</Table.Th>
                <Table.Th ta="right">{t('users.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(services.data ?? []).map((s) => (
                <Table.Tr key={s.id} data-testid={`service-${s.code}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {name(s)}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {s.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`catalogue.groups.${s.spec.group}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('catalogue.deadline_short', {
                        amount: s.spec.decision_deadline.amount,
                        unit: t(`deadline.${s.spec.decision_deadline.unit}`),
                        from: t(`deadline.${s.spec.decision_deadline.from}`),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge size="sm" variant="light" color={s.spec.free ? 'green' : 'blue'} tt="none">
                        {s.spec.free ? t('intake.free') : t('intake.paid')}
                      </Badge>
                      {s.spec.has_places ? (
                        <Badge size="sm" variant="light" color="orange" tt="none">
                          {t('intake.queue')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{s.spec.required_documents.length}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="dot" color={s.active ? 'green' : 'gray'} tt="none">
                      {s.active ? t('catalogue.offered') : t('catalogue.not_offered')}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="default" aria-label={`${t('users.edit')}: ${name(s)}`} onClick={() => setEditing(s.id)}>
                      {t('users.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Modal
        opened={current !== null}
        onClose={close}
        title={current ? t('catalogue.edit_title', { name: name(current) }) : ''}
        size="xl"
      >
        {current ? (
          <ServiceTypeForm
            key={`${current.id}-${current.version}`}
            serviceType={current}
            submitting={update.isPending}
            error={update.error}
            onCancel={close}
            onReload={() => {
              update.reset();
              void services.refetch();
            }}
            onSubmit={(body) =>
              update.mutate(
                { id: current.id, body },
                {
                  onSuccess: (saved) => {
                    notifications.show({ color: 'green', message: t('catalogue.saved', { name: name(saved) }) });
                    close();
                  },
                },
              )
            }
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
