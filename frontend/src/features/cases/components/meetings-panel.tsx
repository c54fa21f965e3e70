import { ActionIcon, Badge, Button, Card, Checkbox, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closingReasonValues, type components } from '@/api/schema';
import { FormErrors } from '@/components/form-errors';
import { QueryError } from '@/components/query-error';
import { RuleRef } from '@/components/rule-ref';
import { useServiceTypes } from '@/lib/catalogue';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import type { CaseView } from '../api/get-case';
import { usePlan } from '../api/get-plan';
import { type MeetingInput, useHoldMeeting } from '../api/hold-meeting';
import { useMeetings } from '../api/list-meetings';

type ClosingReason = components['schemas']['ClosingReason'];
type Participant = MeetingInput['participants'][number];

interface Outside {
  key: number;
  name: string;
  organisation: string;
  role: string;
}

/** Posėdžiai: the case meetings with their participants and decisions, and a new one. */
export function MeetingsPanel({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meetings = useMeetings(view.id);
  const [adding, setAdding] = useState(false);
  const writable = view.status !== 'closed' && Boolean(view.case_manager);

  return (
    <Stack>
      {writable ? (
        adding ? (
          <MeetingForm view={view} onDone={() => setAdding(false)} />
        ) : (
          <Group>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('cases.meetings.new')}
            </Button>
          </Group>
        )
      ) : null}
      {meetings.isError ? <QueryError error={meetings.error} /> : null}
      {meetings.isPending ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      {meetings.data && meetings.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.meetings.empty')}
        </Text>
      ) : null}
      {(meetings.data ?? []).map((m) => (
        <Card key={m.id} withBorder padding="md" data-testid={`meeting-${m.id}`}>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('cases.meetings.of', { date: formatDate(m.held_on, lang) })}</Text>
            <Text size="xs" c="dimmed">
              {m.created_by.display_name}
            </Text>
          </Group>
          <Text size="sm">
            <Text span fw={500}>
              {t('cases.meetings.participants')}:
            </Text>{' '}
            {m.participants
              .map((p) =>
                p.user
                  ? p.user.display_name
                  : p.person
                    ? `${p.person.first_name} ${p.person.last_name}`
                    : [p.name, p.organisation, p.role].filter(Boolean).join(', '),
              )
              .join('; ')}
          </Text>
          <Text size="sm" mt={4}>
            <Text span fw={500}>
              {t('cases.meetings.agenda')}:
            </Text>{' '}
            {m.agenda}
          </Text>
          {m.notes ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
              {m.notes}
            </Text>
          ) : null}
          <Group gap="xs" mt="xs">
            {m.decisions.agreed_plan_version ? (
              <Badge color="green" variant="light">
                {t('cases.meetings.decided_plan', { n: m.decisions.agreed_plan_version })}
              </Badge>
            ) : null}
            {m.decisions.application_id ? (
              <Badge color="violet" variant="light">
                {t('cases.meetings.decided_application')}
              </Badge>
            ) : null}
            {m.decisions.review_on ? (
              <Badge variant="light">{t('cases.meetings.decided_review', { date: formatDate(m.decisions.review_on, lang) })}</Badge>
            ) : null}
            {m.decisions.closed ? (
              <Badge color="gray">{t('cases.meetings.decided_close', { reason: t(`cases.closing_reason.${m.decisions.closed.reason}`) })}</Badge>
            ) : null}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function MeetingForm({ view, onDone }: { view: CaseView; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const hold = useHoldMeeting(view.id);
  const plan = usePlan(view.id);
  const services = useServiceTypes();
  const today = todayInLithuania();
  const [heldOn, setHeldOn] = useState<string | null>(today);
  const [staff, setStaff] = useState<string[]>(view.team.map((m) => m.user.id));
  const [family, setFamily] = useState<string[]>([]);
  const [outside, setOutside] = useState<Outside[]>([]);
  const [agenda, setAgenda] = useState('');
  const [notes, setNotes] = useState('');
  const [agree, setAgree] = useState(false);
  const [file, setFile] = useState(false);
  const [filePerson, setFilePerson] = useState<string | null>(null);
  const [service, setService] = useState<string | null>(null);
  const [recommendation, setRecommendation] = useState('');
  const [reviewOn, setReviewOn] = useState<string | null>(null);
  const [close, setClose] = useState(false);
  const [reason, setReason] = useState<ClosingReason | null>(null);
  const [closeNote, setCloseNote] = useState('');
  const [missing, setMissing] = useState(false);
  const server = fieldErrorMessages(t, hold.error);
  const draft = plan.data?.draft;
  const setOut = (i: number, change: Partial<Outside>) => setOutside((os) => os.map((o, j) => (j === i ? { ...o, ...change } : o)));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const participants: Participant[] = [
      ...staff.map((user_id): Participant => ({ kind: 'staff', user_id })),
      ...family.map((person_id): Participant => ({ kind: 'family_member', person_id })),
      ...outside.map(
        (o): Participant => ({ kind: 'outside', name: o.name.trim(), organisation: o.organisation.trim(), role: o.role.trim() || null }),
      ),
    ];
    const incomplete =
      !heldOn ||
      !agenda.trim() ||
      participants.length === 0 ||
      outside.some((o) => !o.name.trim() || !o.organisation.trim()) ||
      (file && (!filePerson || !service)) ||
      (close && (!reason || (reason === 'other' && !closeNote.trim())));
    if (incomplete || !heldOn) {
      setMissing(true);
      return;
    }
    hold.mutate(
      {
        held_on: heldOn,
        agenda: agenda.trim(),
        notes: notes.trim(),
        participants,
        decisions: {
          agree_plan: agree && draft ? { draft_version: draft.version } : null,
          file_application:
            file && filePerson && service ? { person_id: filePerson, service_code: service, recommendation: recommendation.trim() || null } : null,
          review_on: reviewOn,
          close: close && reason ? { reason, note: closeNote.trim() || null } : null,
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('cases.meetings.saved') });
          onDone();
        },
      },
    );
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="meeting-form-title">
      <form noValidate onSubmit={submit}>
        <Stack>
          <Title order={3} size="h5" id="meeting-form-title">
            {t('cases.meetings.new')}
          </Title>
          <FormErrors error={hold.error} fields={['held_on', 'agenda', 'participants']} />
          <DateInput
            label={t('cases.meetings.held_on')}
            required
            valueFormat="YYYY-MM-DD"
            placeholder={t('common.date_placeholder')}
            maxDate={today}
            value={heldOn}
            onChange={setHeldOn}
            error={(missing && !heldOn ? t('common.required') : null) ?? server.held_on}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Checkbox.Group label={t('cases.meetings.staff')} value={staff} onChange={setStaff}>
              <Stack gap={4} mt={4}>
                {view.team.map((m) => (
                  <Checkbox key={m.user.id} value={m.user.id} label={m.user.display_name} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Checkbox.Group label={t('cases.meetings.family')} value={family} onChange={setFamily}>
              <Stack gap={4} mt={4}>
                {view.members.map((m) => (
                  <Checkbox key={m.person.id} value={m.person.id} label={`${m.person.first_name} ${m.person.last_name}`} />
                ))}
              </Stack>
            </Checkbox.Group>
          </SimpleGrid>
          <Stack gap="xs" role="group" aria-label={t('cases.meetings.outside')}>
            <Text size="sm" fw={500}>
              {t('cases.meetings.outside')}
            </Text>
            {outside.map((o, i) => (
              <Group key={o.key} align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('cases.meetings.outside_name', { n: i + 1 })}
                  required
                  value={o.name}
                  onChange={(e) => setOut(i, { name: e.currentTarget.value })}
                  error={missing && !o.name.trim() ? t('common.required') : null}
                />
                <TextInput
                  label={t('cases.meetings.outside_organisation', { n: i + 1 })}
                  required
                  value={o.organisation}
                  onChange={(e) => setOut(i, { organisation: e.currentTarget.value })}
                  error={missing && !o.organisation.trim() ? t('common.required') : null}
                />
                <TextInput
                  label={t('cases.meetings.outside_role', { n: i + 1 })}
                  value={o.role}
                  onChange={(e) => setOut(i, { role: e.currentTarget.value })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={6}
                  aria-label={t('cases.meetings.remove_outside', { n: i + 1 })}
                  onClick={() => setOutside((os) => os.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setOutside((os) => [...os, { key: Date.now(), name: '', organisation: '', role: '' }])}
              >
                {t('cases.meetings.add_outside')}
              </Button>
            </Group>
            {missing && staff.length + family.length + outside.length === 0 ? (
              <Text size="sm" c="red.8">
                {t('cases.meetings.participants_required')}
              </Text>
            ) : null}
          </Stack>
          <Textarea
            label={t('cases.meetings.agenda')}
            required
            autosize
            minRows={2}
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
            error={(missing && !agenda.trim() ? t('common.required') : null) ?? server.agenda}
          />
          <Textarea label={t('cases.meetings.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
          <Card withBorder padding="sm" component="fieldset" aria-label={t('cases.meetings.decisions')}>
            <Text fw={600} mb="xs">
              {t('cases.meetings.decisions')}
            </Text>
            <Stack gap="sm">
              <Checkbox
                label={draft ? t('cases.meetings.agree_plan', { n: draft.number }) : t('cases.meetings.no_draft')}
                disabled={!draft}
                checked={agree}
                onChange={(e) => setAgree(e.currentTarget.checked)}
              />
              <Checkbox label={t('cases.meetings.file_application')} checked={file} onChange={(e) => setFile(e.currentTarget.checked)} />
              {file ? (
                <Stack gap="xs" pl="lg">
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label={t('cases.meetings.application_person')}
                      required
                      data={view.members.map((m) => ({ value: m.person.id, label: `${m.person.first_name} ${m.person.last_name}` }))}
                      value={filePerson}
                      onChange={setFilePerson}
                      error={missing && !filePerson ? t('common.required') : null}
                    />
                    <Select
                      label={t('cases.meetings.application_service')}
                      required
                      searchable
                      data={(services.data ?? [])
                        .filter((s) => s.active)
                        .map((s) => ({ value: s.code, label: i18n.language === 'en' ? s.spec.name_en : s.spec.name_lt }))}
                      value={service}
                      onChange={setService}
                      error={missing && !service ? t('common.required') : null}
                    />
                  </SimpleGrid>
                  <Textarea
                    label={t('cases.meetings.recommendation')}
                    description={t('cases.meetings.recommendation_hint')}
                    autosize
                    minRows={2}
                    value={recommendation}
                    onChange={(e) => setRecommendation(e.currentTarget.value)}
                    error={server['decisions.file_application.recommendation']}
                  />
                </Stack>
              ) : null}
              <DateInput
                label={t('cases.meetings.review_on')}
                valueFormat="YYYY-MM-DD"
                placeholder={t('common.date_placeholder')}
                clearable
                minDate={heldOn ?? today}
                value={reviewOn}
                onChange={setReviewOn}
                error={server['decisions.review_on']}
                maw={260}
              />
              <Checkbox label={t('cases.meetings.close')} checked={close} onChange={(e) => setClose(e.currentTarget.checked)} />
              {close ? (
                <Stack gap="xs" pl="lg">
                  <Group gap={4}>
                    <Select
                      label={t('cases.meetings.closing_reason')}
                      required
                      data={closingReasonValues.map((r) => ({ value: r, label: t(`cases.closing_reason.${r}`) }))}
                      value={reason}
                      onChange={(v) => setReason(v as ClosingReason | null)}
                      error={(missing && !reason ? t('common.required') : null) ?? server['decisions.close.reason']}
                    />
                    <RuleRef rule="R-CMP-5" />
                  </Group>
                  <Textarea
                    label={t('cases.meetings.closing_note')}
                    required={reason === 'other'}
                    autosize
                    minRows={1}
                    value={closeNote}
                    onChange={(e) => setCloseNote(e.currentTarget.value)}
                    error={(missing && reason === 'other' && !closeNote.trim() ? t('common.required') : null) ?? server['decisions.close.note']}
                  />
                </Stack>
              ) : null}
            </Stack>
          </Card>
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={hold.isPending}>
              {t('cases.meetings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
