import { Button, Modal, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useAdmit } from '../api/admit';
import { useAnswerOffer } from '../api/answer-offer';
import { useEndStay } from '../api/end-stay';
import type { BoardEntry, BoardOffer, QueueBoard, StayView } from '../api/get-queue-board';
import { useFacilities } from '../api/list-facilities';
import { useMakeOffer } from '../api/make-offer';
import { AdmitForm } from './admit-form';
import { AnswerForm } from './answer-form';
import { EndStayForm } from './end-stay-form';

type OfferView = components['schemas']['OfferView'];

/** "Offered to …" after a change that freed a place. */
function announceNextOffers(t: (key: string, options?: Record<string, string>) => string, key: string, offers: readonly OfferView[], board: QueueBoard) {
  if (offers.length === 0) return;
  const names = offers.map((o) => board.entries.find((e) => e.id === o.queue_entry_id)?.person_name ?? '').filter(Boolean);
  notifications.show({ color: 'blue', message: t(key, { names: names.join(', ') }) });
}

/** The first person in line a place may be offered to: waiting, not on hold, not offered one. */
export function firstEligible(entries: readonly BoardEntry[]): BoardEntry | undefined {
  return entries.find((e) => !e.hold && !e.offer);
}

/** Offers the free place to the first eligible person (R-Q-4). */
export function OfferFirstButton({ board }: { board: QueueBoard }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const first = firstEligible(board.entries);
  if (!can(me.data, 'manage_places') || board.place.free === 0 || !first) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('places.board.offer_first')}</Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('places.offer.title', { name: first.person_name })}>
        {open ? <OfferForm entry={first} onDone={() => setOpen(false)} /> : null}
      </Modal>
    </>
  );
}

function OfferForm({ entry, onDone }: { entry: BoardEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const offer = useMakeOffer();
  const today = todayInLithuania();
  const form = useForm<{ reply_by: string | null; visit_on: string | null }>({
    mode: 'controlled',
    initialValues: { reply_by: null, visit_on: null },
    validate: { reply_by: (v) => (v && v < today ? t('errors.fields.in_past') : null) },
  });
  const server = fieldErrorMessages(t, offer.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        offer.mutate(
          { queue_entry_id: entry.id, reply_by: values.reply_by, visit_on: values.visit_on },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('places.offer.done', { name: entry.person_name }) });
              onDone();
            },
          },
        ),
      )}
    >
      <Stack>
        <FormErrors error={offer.error} fields={['reply_by', 'visit_on']} />
        <DateInput
          label={t('places.offer.reply_by')}
          description={t('places.offer.reply_by_hint')}
          valueFormat="YYYY-MM-DD"
          clearable
          minDate={today}
          {...form.getInputProps('reply_by')}
          error={form.errors.reply_by ?? server.reply_by}
        />
        <DateInput label={t('places.offer.visit_on')} valueFormat="YYYY-MM-DD" clearable {...form.getInputProps('visit_on')} error={server.visit_on} />
        <FormActions onCancel={onDone} submitting={offer.isPending} submitLabel={t('places.offer.submit')} />
      </Stack>
    </form>
  );
}

/** An offer's actions: record the answer (pending), admit (accepted). */
export function OfferActions({ offer, board }: { offer: BoardOffer; board: QueueBoard }) {
  const { t } = useTranslation();
  const me = useMe();
  const [dialog, setDialog] = useState<'answer' | 'admit' | null>(null);
  if (!can(me.data, 'manage_places')) return null;
  return (
    <>
      {offer.status === 'pending' ? (
        <Button size="compact-sm" variant="light" onClick={() => setDialog('answer')}>
          {t('places.board.answer')}
        </Button>
      ) : null}
      {offer.status === 'accepted' ? (
        <Button size="compact-sm" onClick={() => setDialog('admit')}>
          {t('places.board.admit')}
        </Button>
      ) : null}
      <Modal opened={dialog === 'answer'} onClose={() => setDialog(null)} title={t('places.answer.title', { name: offer.person_name })}>
        {dialog === 'answer' ? <AnswerDialogBody offer={offer} board={board} onDone={() => setDialog(null)} /> : null}
      </Modal>
      <Modal opened={dialog === 'admit'} onClose={() => setDialog(null)} size="lg" title={t('places.admit.title', { name: offer.person_name })}>
        {dialog === 'admit' ? <AdmitDialogBody offer={offer} board={board} onDone={() => setDialog(null)} /> : null}
      </Modal>
    </>
  );
}

function AnswerDialogBody({ offer, board, onDone }: { offer: BoardOffer; board: QueueBoard; onDone: () => void }) {
  const { t } = useTranslation();
  const answer = useAnswerOffer();
  return (
    <AnswerForm
      replyBy={offer.reply_by}
      submitting={answer.isPending}
      error={answer.error}
      onCancel={onDone}
      onSubmit={(values) => {
        if (!values.answer) return;
        const declined = values.answer === 'declined';
        answer.mutate(
          {
            id: offer.id,
            body: {
              version: offer.version,
              answer: values.answer,
              decline_reason: declined ? values.decline_reason : null,
              hold_until: declined ? values.hold_until : null,
              visit_on: values.answer === 'accepted' ? values.visit_on : null,
              note: values.note.trim() || null,
            },
          },
          {
            onSuccess: (result) => {
              notifications.show({ color: 'green', message: t('places.answer.done') });
              announceNextOffers(t, 'places.answer.next_offered', result.next_offers, board);
              onDone();
            },
          },
        );
      }}
    />
  );
}

function AdmitDialogBody({ offer, board, onDone }: { offer: BoardOffer; board: QueueBoard; onDone: () => void }) {
  const { t } = useTranslation();
  const admit = useAdmit();
  const facilities = useFacilities();
  const facility = facilities.data?.find((f) => f.id === board.facility_id);
  if (!facility) return <Text c="dimmed">{t('common.loading')}</Text>;
  return (
    <AdmitForm
      checklist={facility.admission_checklist}
      offeredOn={offer.offered_on}
      submitting={admit.isPending}
      error={admit.error}
      onCancel={onDone}
      onSubmit={(input) =>
        admit.mutate(
          { offerId: offer.id, body: { version: offer.version, ...input } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('places.admit.done', { name: offer.person_name }) });
              onDone();
            },
          },
        )
      }
    />
  );
}

/** A stay's action: end it (the freed place goes to the next in line). */
export function StayActions({ stay, board }: { stay: StayView; board: QueueBoard }) {
  const { t } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const end = useEndStay();
  if (!can(me.data, 'manage_places')) return null;
  const close = () => {
    end.reset();
    setOpen(false);
  };
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setOpen(true)} aria-label={t('places.end.title', { name: stay.person_name })}>
        {t('places.board.end_stay')}
      </Button>
      <Modal opened={open} onClose={close} title={t('places.end.title', { name: stay.person_name })}>
        {open ? (
          <EndStayForm
            startedOn={stay.started_on}
            submitting={end.isPending}
            error={end.error}
            onCancel={close}
            onSubmit={(values) =>
              end.mutate(
                { id: stay.id, body: { version: stay.version, ...values } },
                {
                  onSuccess: (result) => {
                    notifications.show({ color: 'green', message: t('places.end.done') });
                    announceNextOffers(t, 'places.end.next_offered', result.next_offers, board);
                    close();
                  },
                },
              )
            }
          />
        ) : null}
      </Modal>
    </>
  );
}
