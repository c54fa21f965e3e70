import { Anchor, Badge, Button, Group, Select, Switch, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ListColumn, ListPage } from '@/components/list-page';
import { errorMessage } from '@/lib/errors';
import { formatDate, formatMoney } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { type StockRow, useAidStock } from '../api/aid-stock';
import { useLeaveWaiting } from '../api/leave-waiting';
import { AIDS_PER_PAGE, type AidItemView, type AidStatus, type AidType, useAids } from '../api/list-aids';
import { type AidLoanView, LOANS_PER_PAGE, useLoans } from '../api/list-loans';
import { useWaiting, WAITING_PER_PAGE, type WaitingView } from '../api/list-waiting';
import { AidItemDialog, DeathDialog, IssueLoanDialog, JoinWaitingDialog, type PersonPickerSlot, ReturnLoanDialog } from './aid-forms';
import { useAidOptions } from './aid-options';

type Tab = 'inventory' | 'stock' | 'loans' | 'waiting';
const TABS: readonly Tab[] = ['inventory', 'stock', 'loans', 'waiting'];

const STATUS_COLOR: Record<AidStatus, string> = { available: 'green', on_loan: 'blue', in_repair: 'orange', written_off: 'gray' };

/**
 * `/aids`: technical aids — the inventory (add, edit, issue), the stock per
 * type, the loans (return with the refund, the user's death) and the
 * waiting list per type.
 */
export function AidsPage({ personPicker }: { personPicker: PersonPickerSlot }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'inventory';
  return (
    <Tabs value={tab} onChange={(v) => setParams(v ? { tab: v } : {})} keepMounted={false}>
      <Tabs.List mb="md" aria-label={t('aids.title')}>
        {TABS.map((v) => (
          <Tabs.Tab key={v} value={v}>
            {t(`aids.tabs.${v}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="inventory">
        <Inventory personPicker={personPicker} />
      </Tabs.Panel>
      <Tabs.Panel value="stock">
        <Stock />
      </Tabs.Panel>
      <Tabs.Panel value="loans">
        <Loans />
      </Tabs.Panel>
      <Tabs.Panel value="waiting">
        <Waiting personPicker={personPicker} />
      </Tabs.Panel>
    </Tabs>
  );
}

function Inventory({ personPicker }: { personPicker: PersonPickerSlot }) {
  const { t } = useTranslation();
  const me = useMe();
  const options = useAidOptions();
  const mayRecord = can(me.data, 'record_deliveries');
  const [aidType, setAidType] = useState<AidType | null>(null);
  const [status, setStatus] = useState<AidStatus | null>(null);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<AidItemView | 'new' | null>(null);
  const [issuing, setIssuing] = useState<AidItemView | null>(null);
  const items = useAids({ aidType, status, page });
  const columns: ListColumn<AidItemView>[] = [
    { key: 'type', header: t('aids.type'), cell: (i) => t(`aids.types.${i.aid_type}`) },
    { key: 'serial', header: t('aids.serial'), cell: (i) => <Text size="sm" ff="monospace">{i.serial}</Text> },
    { key: 'newness', header: t('aids.newness_label'), cell: (i) => t(`aids.newness_short.${i.newness}`) },
    { key: 'condition', header: t('aids.condition'), cell: (i) => t(`aids.conditions.${i.condition}`) },
    { key: 'location', header: t('aids.location'), cell: (i) => i.location ?? '—' },
    {
      key: 'status',
      header: t('aids.status'),
      cell: (i) => (
        <Badge variant="light" color={STATUS_COLOR[i.status]}>
          {t(`aids.statuses.${i.status}`)}
        </Badge>
      ),
    },
    {
      key: 'actions',
      header: <VisuallyHidden>{t('aids.actions')}</VisuallyHidden>,
      align: 'right',
      cell: (i) =>
        mayRecord ? (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-xs" variant="default" onClick={() => setEditing(i)} aria-label={t('aids.edit_title', { serial: i.serial })}>
              {t('aids.edit')}
            </Button>
            {i.status === 'available' ? (
              <Button size="compact-xs" onClick={() => setIssuing(i)} aria-label={t('aids.issue_item_title', { serial: i.serial })}>
                {t('aids.issue')}
              </Button>
            ) : null}
          </Group>
        ) : null,
    },
  ];
  return (
    <>
      <ListPage
        title={t('aids.title')}
        subtitle={t('aids.subtitle')}
        actions={
          mayRecord ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('aids.add')}
            </Button>
          ) : null
        }
        filters={
          <Group>
            <Select label={t('aids.type')} placeholder={t('aids.all')} data={options.types} value={aidType} clearable onChange={(v) => { setAidType(v as AidType | null); setPage(1); }} />
            <Select label={t('aids.status')} placeholder={t('aids.all')} data={options.statuses} value={status} clearable onChange={(v) => { setStatus(v as AidStatus | null); setPage(1); }} />
          </Group>
        }
        query={items}
        rows={items.data?.items}
        columns={columns}
        rowKey={(i) => i.id}
        rowProps={(i) => ({ 'data-testid': `aid-${i.serial}` })}
        empty={t('aids.no_items')}
        summary={t('aids.found', { count: items.data?.total ?? 0 })}
        paging={{ page, perPage: AIDS_PER_PAGE, total: items.data?.total ?? 0, onPageChange: setPage }}
      />
      {editing ? <AidItemDialog opened item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {issuing ? <IssueLoanDialog opened item={issuing} onClose={() => setIssuing(null)} personPicker={personPicker} /> : null}
    </>
  );
}

function Stock() {
  const { t } = useTranslation();
  const stock = useAidStock();
  const n = (v: number) => <Text size="sm">{v}</Text>;
  const columns: ListColumn<StockRow>[] = [
    { key: 'type', header: t('aids.type'), cell: (r) => t(`aids.types.${r.aid_type}`) },
    {
      key: 'available',
      header: t('aids.stock.available'),
      align: 'right',
      cell: (r) => (
        <Badge variant="light" color={r.available > 0 ? 'green' : 'gray'}>
          {r.available}
        </Badge>
      ),
    },
    { key: 'on_loan', header: t('aids.stock.on_loan'), align: 'right', cell: (r) => n(r.on_loan) },
    { key: 'in_repair', header: t('aids.stock.in_repair'), align: 'right', cell: (r) => n(r.in_repair) },
    { key: 'waiting', header: t('aids.stock.waiting'), align: 'right', cell: (r) => n(r.waiting) },
    {
      key: 'next',
      header: t('aids.stock.next'),
      cell: (r) =>
        r.next_waiting ? (
          <Anchor component={Link} to={`/persons/${r.next_waiting.person_id}`} size="sm">
            {r.next_waiting.person_name}
          </Anchor>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <ListPage
      title={t('aids.stock.title')}
      query={stock}
      rows={stock.data?.types}
      columns={columns}
      rowKey={(r) => r.aid_type}
      rowProps={(r) => ({ 'data-testid': `stock-${r.aid_type}` })}
      empty={t('aids.no_items')}
    />
  );
}

function Loans() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const options = useAidOptions();
  const mayRecord = can(me.data, 'record_deliveries');
  const [aidType, setAidType] = useState<AidType | null>(null);
  const [openOnly, setOpenOnly] = useState(true);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const [returning, setReturning] = useState<AidLoanView | null>(null);
  const [dying, setDying] = useState<AidLoanView | null>(null);
  const loans = useLoans({ aidType, open: openOnly ? true : null, overdue, page });
  const columns: ListColumn<AidLoanView>[] = [
    {
      key: 'person',
      header: t('aids.person'),
      cell: (l) => (
        <Anchor component={Link} to={`/persons/${l.person_id}`} size="sm">
          {l.person_name}
        </Anchor>
      ),
    },
    { key: 'item', header: t('aids.item'), cell: (l) => `${t(`aids.types.${l.aid_type}`)} · ${l.serial}` },
    { key: 'issued', header: t('aids.issued_on'), cell: (l) => formatDate(l.issued_on, lang) },
    { key: 'fee', header: t('aids.fee'), align: 'right', cell: (l) => formatMoney(l.fee, lang) },
    {
      key: 'state',
      header: t('aids.loan_state'),
      cell: (l) =>
        l.returned_on ? (
          <Text size="sm">
            {t('aids.returned', { date: formatDate(l.returned_on, lang) })}
            {l.refund ? ` · ${t('aids.refunded', { amount: formatMoney(l.refund, lang) })}` : ''}
          </Text>
        ) : l.return_due_on ? (
          <Badge variant="light" color={l.overdue ? 'red' : 'orange'}>
            {t(l.overdue ? 'aids.overdue' : 'aids.due_back', { date: formatDate(l.return_due_on, lang) })}
          </Badge>
        ) : (
          <Badge variant="light">{t('aids.on_loan')}</Badge>
        ),
    },
    {
      key: 'actions',
      header: <VisuallyHidden>{t('aids.actions')}</VisuallyHidden>,
      align: 'right',
      cell: (l) =>
        mayRecord && !l.returned_on ? (
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button size="compact-xs" onClick={() => setReturning(l)} aria-label={t('aids.return_title', { serial: l.serial, name: l.person_name })}>
              {t('aids.return')}
            </Button>
            {l.died_on ? null : (
              <Button size="compact-xs" variant="default" onClick={() => setDying(l)} aria-label={t('aids.death_title', { name: l.person_name })}>
                {t('aids.record_death')}
              </Button>
            )}
          </Group>
        ) : null,
    },
  ];
  return (
    <>
      <ListPage
        title={t('aids.loans_title')}
        filters={
          <Group align="flex-end">
            <Select label={t('aids.type')} placeholder={t('aids.all')} data={options.types} value={aidType} clearable onChange={(v) => { setAidType(v as AidType | null); setPage(1); }} />
            <Switch label={t('aids.open_only')} checked={openOnly} onChange={(e) => { setOpenOnly(e.currentTarget.checked); setPage(1); }} />
            <Switch label={t('aids.overdue_only')} checked={overdue} onChange={(e) => { setOverdue(e.currentTarget.checked); setPage(1); }} />
          </Group>
        }
        query={loans}
        rows={loans.data?.items}
        columns={columns}
        rowKey={(l) => l.id}
        rowProps={() => ({ 'data-testid': 'loan-row' })}
        empty={t('aids.no_loans')}
        paging={{ page, perPage: LOANS_PER_PAGE, total: loans.data?.total ?? 0, onPageChange: setPage }}
      />
      {returning ? <ReturnLoanDialog loan={returning} onClose={() => setReturning(null)} /> : null}
      {dying ? <DeathDialog loan={dying} onClose={() => setDying(null)} /> : null}
    </>
  );
}

function Waiting({ personPicker }: { personPicker: PersonPickerSlot }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const options = useAidOptions();
  const mayRecord = can(me.data, 'record_deliveries');
  const [aidType, setAidType] = useState<AidType | null>(null);
  const [page, setPage] = useState(1);
  const [joining, setJoining] = useState(false);
  const waiting = useWaiting(aidType, page);
  const leave = useLeaveWaiting();
  const columns: ListColumn<WaitingView>[] = [
    { key: 'position', header: t('aids.position'), align: 'right', cell: (w) => w.position ?? '—' },
    {
      key: 'person',
      header: t('aids.person'),
      cell: (w) => (
        <Anchor component={Link} to={`/persons/${w.person_id}`} size="sm">
          {w.person_name}
        </Anchor>
      ),
    },
    { key: 'type', header: t('aids.type'), cell: (w) => t(`aids.types.${w.aid_type}`) },
    { key: 'since', header: t('aids.since'), cell: (w) => formatDate(w.joined_at.slice(0, 10), i18n.language) },
    { key: 'status', header: t('aids.status'), cell: (w) => t(`aids.waiting_statuses.${w.status}`) },
    {
      key: 'actions',
      header: <VisuallyHidden>{t('aids.actions')}</VisuallyHidden>,
      align: 'right',
      cell: (w) =>
        mayRecord && w.status === 'waiting' ? (
          <Button
            size="compact-xs"
            variant="default"
            loading={leave.isPending && leave.variables.id === w.id}
            onClick={() => leave.mutate({ id: w.id, version: w.version, note: null })}
            aria-label={t('aids.leave_label', { name: w.person_name })}
          >
            {t('aids.leave')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <ListPage
        title={t('aids.waiting_title')}
        actions={
          mayRecord ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setJoining(true)}>
              {t('aids.join_title')}
            </Button>
          ) : null
        }
        filters={
          <Group align="flex-end">
            <Select label={t('aids.type')} placeholder={t('aids.all')} data={options.types} value={aidType} clearable onChange={(v) => { setAidType(v as AidType | null); setPage(1); }} />
            {leave.isError ? (
              <Text size="sm" c="red" role="alert">
                {errorMessage(t, leave.error)}
              </Text>
            ) : null}
          </Group>
        }
        query={waiting}
        rows={waiting.data?.items}
        columns={columns}
        rowKey={(w) => w.id}
        rowProps={() => ({ 'data-testid': 'waiting-row' })}
        empty={t('aids.no_waiting')}
        paging={{ page, perPage: WAITING_PER_PAGE, total: waiting.data?.total ?? 0, onPageChange: setPage }}
      />
      {joining ? <JoinWaitingDialog opened onClose={() => setJoining(false)} personPicker={personPicker} /> : null}
    </>
  );
}
