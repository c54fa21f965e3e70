import { Button, Group, Select, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { type ListColumn, ListPage } from '@/components/list-page';
import { formErrorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { PER_PAGE, useDelegations } from '../api/list-delegations';
import { useRevokeDelegation } from '../api/revoke-delegation';
import { useSigners } from '../api/signers';
import { DelegationStatusBadge } from './delegation-status';
import { GrantDelegationDialog } from './grant-delegation-dialog';
import { RevokeDelegationDialog } from './revoke-delegation-dialog';

type Delegation = components['schemas']['DelegationView'];

type Dialog = { kind: 'grant' } | { kind: 'revoke'; delegation: Delegation } | null;

/** The administrator's list of signing delegations (R-ROLE-2): who signs which services, from and until when; grant and end them. */
export function DelegationsList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [userId, setUserId] = useState<string | null>(null);
  const [current, setCurrent] = useState(true);
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const delegations = useDelegations({ userId, current, page });
  const signers = useSigners();
  const revoke = useRevokeDelegation();
  const close = () => setDialog(null);

  function end(delegation: Delegation) {
    revoke.mutate(
      { id: delegation.id, version: delegation.version },
      {
        onSuccess: (ended) => {
          notifications.show({ color: 'green', message: t('signing.revoked', { name: ended.user.display_name }) });
          close();
        },
        onError: (error) => {
          notifications.show({ color: 'red', message: formErrorMessage(t, error, []) });
          close();
        },
      },
    );
  }

  const columns: ListColumn<Delegation>[] = [
    {
      key: 'user',
      header: t('signing.user'),
      cell: (d) => (
        <Text size="sm" fw={500}>
          {d.user.display_name}
        </Text>
      ),
    },
    {
      key: 'services',
      header: t('signing.services'),
      cell: (d) => <Text size="sm">{d.service_types.map((s) => (lang === 'en' ? s.name_en : s.name_lt)).join(', ')}</Text>,
    },
    {
      key: 'period',
      header: t('signing.period'),
      cell: (d) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDate(d.valid_from, lang)} – {d.valid_until ? formatDate(d.valid_until, lang) : t('signing.open_ended')}
        </Text>
      ),
    },
    {
      key: 'reference',
      header: t('signing.reference'),
      cell: (d) => (
        <>
          <Text size="sm">{d.reference}</Text>
          <Text size="xs" c="dimmed">
            {t('signing.granted_by', { name: d.granted_by.display_name, date: formatDate(d.granted_at.slice(0, 10), lang) })}
          </Text>
        </>
      ),
    },
    {
      key: 'status',
      header: t('signing.status_header'),
      cell: (d) => <DelegationStatusBadge status={d.status} />,
    },
    {
      key: 'actions',
      header: t('users.actions'),
      align: 'right',
      cell: (d) =>
        d.status === 'in_force' || d.status === 'scheduled' ? (
          <Button
            size="xs"
            variant="light"
            color="red"
            aria-label={t('signing.revoke_for', { name: d.user.display_name })}
            onClick={() => setDialog({ kind: 'revoke', delegation: d })}
          >
            {t('signing.revoke')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <ListPage
        title={t('signing.title')}
        subtitle={t('signing.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'grant' })}>
            {t('signing.grant')}
          </Button>
        }
        filters={
          <Group align="flex-end">
            <Select
              label={t('signing.user')}
              placeholder={t('signing.all_signers')}
              clearable
              searchable
              data={(signers.data ?? []).map((u) => ({ value: u.id, label: u.display_name }))}
              value={userId}
              onChange={(v) => {
                setUserId(v);
                setPage(1);
              }}
            />
            <Switch
              label={t('signing.current_only')}
              checked={current}
              onChange={(e) => {
                setCurrent(e.currentTarget.checked);
                setPage(1);
              }}
              mb={8}
            />
          </Group>
        }
        query={delegations}
        rows={delegations.data?.items}
        columns={columns}
        rowKey={(d) => d.id}
        rowProps={(d) => ({ 'data-testid': `delegation-${d.id}` })}
        empty={t('signing.empty')}
        summary={t('signing.total', { count: delegations.data?.total ?? 0 })}
        paging={{ page, perPage: PER_PAGE, total: delegations.data?.total ?? 0, onPageChange: setPage }}
      />
      <GrantDelegationDialog opened={dialog?.kind === 'grant'} onClose={close} />
      <RevokeDelegationDialog
        delegation={dialog?.kind === 'revoke' ? dialog.delegation : null}
        submitting={revoke.isPending}
        onConfirm={end}
        onClose={close}
      />
    </>
  );
}
