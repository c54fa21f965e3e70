import { Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { couponBasisValues, couponReceiverValues } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { type ListColumn, ListPage } from '@/components/list-page';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useGrantCoupons } from '../api/grant-coupons';
import { useIssueCoupons } from '../api/issue-coupons';
import { type CouponBasis, type CouponGrantView, type CouponReceiver, useCouponGrants } from '../api/list-coupon-grants';
import { PersonName } from './person-name';
import { DeliveryFormErrors } from './refusal';
import type { PersonPickerSlot } from './types';

/** Meal coupon grants (R-LIM-5) with their journals of issues. */
export function CouponsPanel({ personPicker }: { personPicker: PersonPickerSlot }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [granting, setGranting] = useState(false);
  const [issuing, setIssuing] = useState<CouponGrantView | null>(null);
  const [journal, setJournal] = useState<CouponGrantView | null>(null);
  const grants = useCouponGrants(null, page);
  const mayRecord = can(me.data, 'record_deliveries');
  const columns: ListColumn<CouponGrantView>[] = [
    { key: 'person', header: t('deliveries.person'), cell: (g) => <PersonName id={g.person_id} fw={500} /> },
    { key: 'basis', header: t('deliveries.coupons.basis'), cell: (g) => t(`deliveries.coupons.basis_values.${g.basis}`) },
    {
      key: 'valid',
      header: t('deliveries.coupons.valid'),
      cell: (g) => `${formatDate(g.valid_from, i18n.language)}${g.valid_until ? ` – ${formatDate(g.valid_until, i18n.language)}` : ''}`,
    },
    { key: 'coupons', header: t('deliveries.coupons.coupons'), align: 'right', cell: (g) => g.coupons },
    { key: 'issued', header: t('deliveries.coupons.issued'), align: 'right', cell: (g) => g.issued },
    { key: 'left', header: t('deliveries.coupons.left'), align: 'right', cell: (g) => <Text fw={600} size="sm">{g.left}</Text> },
    {
      key: 'actions',
      header: t('deliveries.coupons.actions'),
      align: 'right',
      cell: (g) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button size="compact-sm" variant="subtle" onClick={() => setJournal(g)}>
            {t('deliveries.coupons.journal')}
          </Button>
          {mayRecord && g.left > 0 ? (
            <Button size="compact-sm" variant="light" onClick={() => setIssuing(g)}>
              {t('deliveries.coupons.issue')}
            </Button>
          ) : null}
        </Group>
      ),
    },
  ];
  return (
    <>
      <ListPage
        title={t('deliveries.coupons.title')}
        actions={
          mayRecord ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGranting(true)}>
              {t('deliveries.coupons.new')}
            </Button>
          ) : null
        }
        query={grants}
        rows={grants.data?.items}
        columns={columns}
        rowKey={(g) => g.id}
        rowProps={() => ({ 'data-testid': 'coupon-grant' })}
        empty={t('deliveries.coupons.empty')}
        paging={grants.data ? { page, perPage: grants.data.per_page, total: grants.data.total, onPageChange: setPage } : undefined}
        minWidth={900}
      />
      <Modal opened={granting} onClose={() => setGranting(false)} size="lg" title={t('deliveries.coupons.new')}>
        {granting ? <GrantForm personPicker={personPicker} onDone={() => setGranting(false)} /> : null}
      </Modal>
      <Modal opened={issuing !== null} onClose={() => setIssuing(null)} title={t('deliveries.coupons.issue')}>
        {issuing ? <IssueForm grant={issuing} onDone={() => setIssuing(null)} /> : null}
      </Modal>
      <Modal opened={journal !== null} onClose={() => setJournal(null)} size="lg" title={t('deliveries.coupons.journal')}>
        {journal ? <Journal grant={grants.data?.items.find((g) => g.id === journal.id) ?? journal} /> : null}
      </Modal>
    </>
  );
}

function Journal({ grant }: { grant: CouponGrantView }) {
  const { t, i18n } = useTranslation();
  if (grant.issues.length === 0) return <Text c="dimmed">{t('deliveries.coupons.no_issues')}</Text>;
  return (
    <Table striped aria-label={t('deliveries.coupons.journal')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('deliveries.coupons.issued_on')}</Table.Th>
          <Table.Th ta="right">{t('deliveries.coupons.issued')}</Table.Th>
          <Table.Th>{t('deliveries.coupons.received_by')}</Table.Th>
          <Table.Th>{t('deliveries.meals.signature')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {grant.issues.map((i) => (
          <Table.Tr key={i.id}>
            <Table.Td>{formatDate(i.issued_on, i18n.language)}</Table.Td>
            <Table.Td ta="right">{i.coupons}</Table.Td>
            <Table.Td>
              {t(`deliveries.coupons.received_by_values.${i.received_by}`)}
              {i.authorised_name ? `: ${i.authorised_name}` : ''}
            </Table.Td>
            <Table.Td>{i.signed ? t('common.yes') : t('common.no')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface GrantValues {
  person_id: string | null;
  basis: CouponBasis;
  coupons: number | string;
  commission_decision_no: string;
  commission_decision_on: string | null;
  director_decision_no: string;
  valid_from: string | null;
  valid_until: string | null;
}

const GRANT_FIELDS = ['person_id', 'basis', 'coupons', 'commission_decision_no', 'commission_decision_on', 'director_decision_no', 'valid_from', 'valid_until'] as const;

function GrantForm({ personPicker, onDone }: { personPicker: PersonPickerSlot; onDone: () => void }) {
  const { t } = useTranslation();
  const grant = useGrantCoupons();
  const form = useForm<GrantValues>({
    mode: 'controlled',
    initialValues: {
      person_id: null,
      basis: 'prison_return',
      coupons: 30,
      commission_decision_no: '',
      commission_decision_on: null,
      director_decision_no: '',
      valid_from: todayInLithuania(),
      valid_until: null,
    },
    validate: {
      person_id: (v) => (v ? null : t('errors.fields.required')),
      valid_from: (v) => (v ? null : t('errors.fields.required')),
    },
  });
  const server = fieldErrorMessages(t, grant.error);
  const commission = form.values.basis === 'commission_decision';
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        if (!v.person_id || !v.valid_from) return;
        grant.mutate(
          {
            person_id: v.person_id,
            basis: v.basis,
            coupons: commission ? (v.coupons === '' ? null : Number(v.coupons)) : 30,
            commission_decision_no: commission ? v.commission_decision_no.trim() || null : null,
            commission_decision_on: commission ? v.commission_decision_on : null,
            director_decision_no: v.director_decision_no.trim() || null,
            valid_from: v.valid_from,
            valid_until: v.valid_until,
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.coupons.granted') });
              onDone();
            },
          },
        );
      })}
    >
      <Stack>
        <DeliveryFormErrors error={grant.error} fields={GRANT_FIELDS} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('deliveries.person')}
          </Text>
          {personPicker({ personId: form.values.person_id, onChange: (id) => form.setFieldValue('person_id', id) })}
          {form.errors.person_id ?? server.person_id ? (
            <Text size="sm" c="red.8">
              {form.errors.person_id ?? server.person_id}
            </Text>
          ) : null}
        </Stack>
        <Select
          label={t('deliveries.coupons.basis')}
          allowDeselect={false}
          data={couponBasisValues.map((v) => ({ value: v, label: t(`deliveries.coupons.basis_values.${v}`) }))}
          {...form.getInputProps('basis')}
          error={server.basis}
        />
        {commission ? (
          <>
            <NumberInput label={t('deliveries.coupons.coupons')} required min={1} allowDecimal={false} {...form.getInputProps('coupons')} error={server.coupons} />
            <Group grow>
              <TextInput label={t('deliveries.coupons.commission_decision_no')} maxLength={100} {...form.getInputProps('commission_decision_no')} error={server.commission_decision_no} />
              <DateInput label={t('deliveries.coupons.commission_decision_on')} valueFormat="YYYY-MM-DD" {...form.getInputProps('commission_decision_on')} error={server.commission_decision_on} />
            </Group>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('deliveries.coupons.prison_hint')}
          </Text>
        )}
        <TextInput label={t('deliveries.coupons.director_decision_no')} maxLength={100} {...form.getInputProps('director_decision_no')} error={server.director_decision_no} />
        <Group grow>
          <DateInput label={t('deliveries.schedules.valid_from')} required valueFormat="YYYY-MM-DD" {...form.getInputProps('valid_from')} error={form.errors.valid_from ?? server.valid_from} />
          <DateInput label={t('deliveries.schedules.valid_until')} valueFormat="YYYY-MM-DD" {...form.getInputProps('valid_until')} error={server.valid_until} />
        </Group>
        <FormActions onCancel={onDone} submitting={grant.isPending} submitLabel={t('deliveries.coupons.submit')} />
      </Stack>
    </form>
  );
}

function IssueForm({ grant, onDone }: { grant: CouponGrantView; onDone: () => void }) {
  const { t } = useTranslation();
  const issue = useIssueCoupons();
  const form = useForm<{ coupons: number | string; received_by: CouponReceiver; authorised_name: string; signed: boolean; issued_on: string | null }>({
    mode: 'controlled',
    initialValues: { coupons: '', received_by: 'person', authorised_name: '', signed: true, issued_on: todayInLithuania() },
    validate: {
      coupons: (v) => (v === '' ? t('errors.fields.required') : null),
      authorised_name: (v, values) => (values.received_by === 'authorised_person' && !v.trim() ? t('errors.fields.required') : null),
    },
  });
  const server = fieldErrorMessages(t, issue.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        issue.mutate(
          {
            grantId: grant.id,
            body: {
              coupons: Number(v.coupons),
              received_by: v.received_by,
              authorised_name: v.received_by === 'authorised_person' ? v.authorised_name.trim() : null,
              signed: v.signed,
              issued_on: v.issued_on,
            },
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.coupons.issued_done') });
              onDone();
            },
          },
        ),
      )}
    >
      <Stack>
        <Text size="sm">
          <PersonName id={grant.person_id} fw={600} /> · {t('deliveries.coupons.left')}: {grant.left}
        </Text>
        <DeliveryFormErrors error={issue.error} fields={['coupons', 'received_by', 'authorised_name', 'signed', 'issued_on']} />
        <NumberInput label={t('deliveries.coupons.issued')} required min={1} allowDecimal={false} {...form.getInputProps('coupons')} error={form.errors.coupons ?? server.coupons} />
        <DateInput label={t('deliveries.coupons.issued_on')} valueFormat="YYYY-MM-DD" maxDate={todayInLithuania()} {...form.getInputProps('issued_on')} error={server.issued_on} />
        <Select
          label={t('deliveries.coupons.received_by')}
          allowDeselect={false}
          data={couponReceiverValues.map((v) => ({ value: v, label: t(`deliveries.coupons.received_by_values.${v}`) }))}
          {...form.getInputProps('received_by')}
          error={server.received_by}
        />
        {form.values.received_by === 'authorised_person' ? (
          <TextInput
            label={t('deliveries.coupons.authorised_name')}
            required
            maxLength={200}
            {...form.getInputProps('authorised_name')}
            error={form.errors.authorised_name ?? server.authorised_name}
          />
        ) : null}
        <Checkbox label={t('deliveries.coupons.signed')} {...form.getInputProps('signed', { type: 'checkbox' })} />
        <FormActions onCancel={onDone} submitting={issue.isPending} submitLabel={t('deliveries.coupons.issue')} />
      </Stack>
    </form>
  );
}
