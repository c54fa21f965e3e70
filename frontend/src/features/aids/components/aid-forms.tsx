import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { formatDate, formatMoney, todayInLithuania } from '@/lib/format';
import { useAidPrices } from '../api/aid-prices';
import { useCreateAid } from '../api/create-aid';
import { useIssueLoan } from '../api/issue-loan';
import { useJoinWaiting } from '../api/join-waiting';
import type { AidCondition, AidItemView, AidStatus, AidType, Newness } from '../api/list-aids';
import type { AidLoanView } from '../api/list-loans';
import { useRecordDeath } from '../api/record-death';
import { useReturnLoan } from '../api/return-loan';
import { useUpdateAid } from '../api/update-aid';
import { issueFee, refundOn } from './aid-fees';
import { useAidOptions as useOptions } from './aid-options';

/** Picks a stored person (the route composes the persons feature's picker). */
export type PersonPickerSlot = (personId: string | null, onChange: (id: string | null) => void) => ReactNode;

function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      {errorMessage(t, error)}
    </Alert>
  );
}

/** Adds an item to the inventory, or edits one (`item`). */
export function AidItemDialog({ item, opened, onClose }: { item: AidItemView | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useOptions();
  const create = useCreateAid();
  const update = useUpdateAid();
  const [aidType, setAidType] = useState<AidType>(item?.aid_type ?? 'automatic_bed');
  const [serial, setSerial] = useState(item?.serial ?? '');
  const [newness, setNewness] = useState<Newness>(item?.newness ?? 'new');
  const [condition, setCondition] = useState<AidCondition>(item?.condition ?? 'good');
  const [status, setStatus] = useState<AidStatus>(item?.status ?? 'available');
  const [location, setLocation] = useState(item?.location ?? '');
  const [note, setNote] = useState(item?.condition_note ?? '');
  const mutation = item ? update : create;
  const save = () => {
    const common = { serial, newness, condition, location: location || null, condition_note: note || null };
    if (item) {
      update.mutate(
        { id: item.id, body: { ...common, status: item.status === 'on_loan' ? null : status, version: item.version } },
        { onSuccess: onClose },
      );
    } else create.mutate({ ...common, aid_type: aidType, status }, { onSuccess: onClose });
  };
  const statuses = options.statuses.filter((s) => s.value !== 'on_loan');
  return (
    <Modal opened={opened} onClose={onClose} title={item ? t('aids.edit_title', { serial: item.serial }) : t('aids.add_title')}>
      <Stack>
        {item ? null : (
          <Select label={t('aids.type')} data={options.types} value={aidType} onChange={(v) => v && setAidType(v as AidType)} allowDeselect={false} />
        )}
        <TextInput label={t('aids.serial')} required value={serial} onChange={(e) => setSerial(e.currentTarget.value)} />
        <Select label={t('aids.newness_label')} data={options.newness} value={newness} onChange={(v) => v && setNewness(v as Newness)} allowDeselect={false} />
        <Select label={t('aids.condition')} data={options.conditions} value={condition} onChange={(v) => v && setCondition(v as AidCondition)} allowDeselect={false} />
        {item?.status === 'on_loan' ? null : (
          <Select label={t('aids.status')} data={statuses} value={status} onChange={(v) => v && setStatus(v as AidStatus)} allowDeselect={false} />
        )}
        <TextInput label={t('aids.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
        <TextInput label={t('aids.condition_note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ErrorAlert error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={mutation.isPending} disabled={serial.trim() === ''}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Issues an item (or the next available of a type) to a person, the fee shown before confirming. */
export function IssueLoanDialog({
  item,
  opened,
  onClose,
  personPicker,
}: {
  item: AidItemView | null;
  opened: boolean;
  onClose: () => void;
  personPicker: PersonPickerSlot;
}) {
  const { t, i18n } = useTranslation();
  const options = useOptions();
  const prices = useAidPrices();
  const issue = useIssueLoan();
  const today = todayInLithuania();
  const [personId, setPersonId] = useState<string | null>(null);
  const [aidType, setAidType] = useState<AidType>(item?.aid_type ?? 'automatic_bed');
  const [issuedOn, setIssuedOn] = useState(today);
  const [extract, setExtract] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const type = item?.aid_type ?? aidType;
  const fee = item ? issueFee(prices.data ?? [], type, item.newness, issuedOn) : null;
  const submit = () => {
    if (!personId || !extract) return;
    issue.mutate(
      {
        person_id: personId,
        item_id: item?.id ?? null,
        aid_type: item ? null : aidType,
        issued_on: issuedOn,
        extract_027a_issued_on: extract,
        note: note || null,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={item ? t('aids.issue_item_title', { serial: item.serial }) : t('aids.issue_title')}>
      <Stack>
        {personPicker(personId, setPersonId)}
        {item ? (
          <Text size="sm">
            {t(`aids.types.${item.aid_type}`)} · {item.serial} · {t(`aids.newness.${item.newness}`)}
          </Text>
        ) : (
          <Select label={t('aids.type')} data={options.types} value={aidType} onChange={(v) => v && setAidType(v as AidType)} allowDeselect={false} />
        )}
        <DateInput label={t('aids.issued_on')} valueFormat="YYYY-MM-DD" maxDate={today} value={issuedOn} onChange={(v) => setIssuedOn(v ?? today)} />
        <DateInput
          label={t('aids.extract_027a')}
          description={t('aids.extract_027a_hint')}
          required
          valueFormat="YYYY-MM-DD"
          maxDate={issuedOn}
          value={extract}
          onChange={setExtract}
        />
        <TextInput label={t('aids.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {item ? (
          <Alert color={fee === null ? 'orange' : 'blue'} data-testid="loan-fee">
            {fee === null
              ? t('aids.fee_unknown')
              : Number(fee) > 0
                ? t('aids.fee_to_pay', { amount: formatMoney(fee, i18n.language) })
                : t('aids.fee_free')}
          </Alert>
        ) : (
          <Text size="sm" c="dimmed">
            {t('aids.fee_after_pick')}
          </Text>
        )}
        <ErrorAlert error={issue.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={issue.isPending} disabled={!personId || !extract}>
            {t('aids.issue')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Takes an item back: its condition, the day, and the refund (R-FEE-11) shown before confirming. */
export function ReturnLoanDialog({ loan, onClose }: { loan: AidLoanView; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const options = useOptions();
  const prices = useAidPrices();
  const ret = useReturnLoan();
  const today = todayInLithuania();
  const [returnedOn, setReturnedOn] = useState(today);
  const [condition, setCondition] = useState<AidCondition>('good');
  const [note, setNote] = useState('');
  const refund = refundOn(prices.data ?? [], loan, returnedOn);
  return (
    <Modal opened onClose={onClose} title={t('aids.return_title', { serial: loan.serial, name: loan.person_name })}>
      <Stack>
        <DateInput
          label={t('aids.returned_on')}
          valueFormat="YYYY-MM-DD"
          minDate={loan.issued_on}
          maxDate={today}
          value={returnedOn}
          onChange={(v) => setReturnedOn(v ?? today)}
        />
        <Select label={t('aids.condition')} data={options.conditions} value={condition} onChange={(v) => v && setCondition(v as AidCondition)} allowDeselect={false} />
        <TextInput label={t('aids.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Alert color={refund ? 'green' : 'gray'} data-testid="loan-refund">
          {refund
            ? t('aids.refund', { amount: formatMoney(refund, i18n.language), until: formatDate(loan.refund_until, i18n.language) })
            : t('aids.no_refund')}
        </Alert>
        <ErrorAlert error={ret.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={ret.isPending}
            onClick={() =>
              ret.mutate(
                { id: loan.id, body: { version: loan.version, condition, returned_on: returnedOn, note: note || null } },
                { onSuccess: onClose },
              )
            }
          >
            {t('aids.return')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Records the user's death: the item is due back within 30 days (R-LIM-6). */
export function DeathDialog({ loan, onClose }: { loan: AidLoanView; onClose: () => void }) {
  const { t } = useTranslation();
  const death = useRecordDeath();
  const today = todayInLithuania();
  const [diedOn, setDiedOn] = useState<string | null>(null);
  return (
    <Modal opened onClose={onClose} title={t('aids.death_title', { name: loan.person_name })}>
      <Stack>
        <Text size="sm">{t('aids.death_hint')}</Text>
        <DateInput label={t('aids.died_on')} required valueFormat="YYYY-MM-DD" minDate={loan.issued_on} maxDate={today} value={diedOn} onChange={setDiedOn} />
        <ErrorAlert error={death.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!diedOn}
            loading={death.isPending}
            onClick={() => diedOn && death.mutate({ id: loan.id, diedOn, version: loan.version }, { onSuccess: onClose })}
          >
            {t('aids.record_death')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Puts a person on the waiting list of a type. */
export function JoinWaitingDialog({ opened, onClose, personPicker }: { opened: boolean; onClose: () => void; personPicker: PersonPickerSlot }) {
  const { t } = useTranslation();
  const options = useOptions();
  const join = useJoinWaiting();
  const [personId, setPersonId] = useState<string | null>(null);
  const [aidType, setAidType] = useState<AidType>('automatic_bed');
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('aids.join_title')}>
      <Stack>
        {personPicker(personId, setPersonId)}
        <Select label={t('aids.type')} data={options.types} value={aidType} onChange={(v) => v && setAidType(v as AidType)} allowDeselect={false} />
        <TextInput label={t('aids.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <ErrorAlert error={join.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!personId}
            loading={join.isPending}
            onClick={() => personId && join.mutate({ person_id: personId, aid_type: aidType, note: note || null }, { onSuccess: onClose })}
          >
            {t('aids.join')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
