import { Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactKindValues, type components } from '@/api/schema';
import { FormErrors } from '@/components/form-errors';
import { QueryError } from '@/components/query-error';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useAddJournalEntry } from '../api/add-journal-entry';
import { useEditJournalEntry } from '../api/edit-journal-entry';
import type { CaseView } from '../api/get-case';
import { type JournalEntry, useJournal } from '../api/list-journal';

type ContactKind = components['schemas']['ContactKind'];

const FIELDS = ['occurred_on', 'kind', 'text'] as const;

/**
 * Žurnalas: the family's monitoring journal. An entry is edited by its
 * author within 24 hours; later it is corrected by a new entry pointing to
 * it ("Patikslinti"), and both are shown.
 */
export function JournalPanel({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const journal = useJournal(view.id);
  const [correcting, setCorrecting] = useState<JournalEntry | null>(null);
  const closed = view.status === 'closed';
  const entries = journal.data ?? [];
  const byId = new Map(entries.map((e) => [e.id, e]));

  return (
    <Stack>
      {!closed && view.case_manager ? (
        <EntryForm
          key={correcting?.id ?? 'new'}
          caseId={view.id}
          correcting={correcting}
          onDone={() => setCorrecting(null)}
        />
      ) : null}
      {journal.isError ? <QueryError error={journal.error} /> : null}
      {journal.data && entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.journal.empty')}
        </Text>
      ) : null}
      {entries.map((e) => (
        <EntryCard
          key={e.id}
          caseId={view.id}
          entry={e}
          corrects={e.corrects_id ? byId.get(e.corrects_id) : undefined}
          closed={closed}
          onCorrect={() => setCorrecting(e)}
        />
      ))}
    </Stack>
  );
}

interface Values {
  occurred_on: string | null;
  kind: ContactKind | null;
  text: string;
}

function EntryForm({ caseId, correcting, onDone }: { caseId: string; correcting: JournalEntry | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const add = useAddJournalEntry(caseId);
  const today = todayInLithuania();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      occurred_on: correcting?.occurred_on ?? today,
      kind: correcting?.kind ?? 'visit',
      text: correcting?.text ?? '',
    },
    validate: {
      occurred_on: (v) => (v ? null : t('common.required')),
      kind: (v) => (v ? null : t('common.required')),
      text: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const server = fieldErrorMessages(t, add.error);

  function submit(values: Values) {
    if (!values.occurred_on || !values.kind) return;
    add.mutate(
      { occurred_on: values.occurred_on, kind: values.kind, text: values.text.trim(), corrects_id: correcting?.id ?? null },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: correcting ? t('cases.journal.corrected') : t('cases.journal.added') });
          form.reset();
          add.reset();
          onDone();
        },
      },
    );
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="journal-form-title">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="sm">
          <Title order={3} size="h5" id="journal-form-title">
            {correcting
              ? t('cases.journal.correct_title', { date: formatDate(correcting.occurred_on, i18n.language) })
              : t('cases.journal.new')}
          </Title>
          <FormErrors error={add.error} fields={FIELDS} />
          <Group grow align="flex-start">
            <DateInput
              label={t('cases.journal.occurred_on')}
              required
              valueFormat="YYYY-MM-DD"
              placeholder={t('common.date_placeholder')}
              maxDate={today}
              {...form.getInputProps('occurred_on')}
              error={form.errors.occurred_on ?? server.occurred_on}
            />
            <Select
              label={t('cases.journal.kind')}
              required
              allowDeselect={false}
              data={contactKindValues.map((k) => ({ value: k, label: t(`cases.contact_kind.${k}`) }))}
              {...form.getInputProps('kind')}
              error={form.errors.kind ?? server.kind}
            />
          </Group>
          <Textarea
            label={t('cases.journal.text')}
            required
            autosize
            minRows={3}
            maxLength={8000}
            {...form.getInputProps('text')}
            error={form.errors.text ?? server.text}
          />
          <Group justify="flex-end">
            {correcting ? (
              <Button variant="default" onClick={onDone}>
                {t('common.cancel')}
              </Button>
            ) : null}
            <Button type="submit" loading={add.isPending}>
              {correcting ? t('cases.journal.correct_submit') : t('cases.journal.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function EntryCard({
  caseId,
  entry,
  corrects,
  closed,
  onCorrect,
}: {
  caseId: string;
  entry: JournalEntry;
  corrects: JournalEntry | undefined;
  closed: boolean;
  onCorrect: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.text);
  const edit = useEditJournalEntry(caseId);
  const corrected = entry.corrected_by.length > 0;

  return (
    <Card withBorder padding="sm" data-testid={`journal-${entry.id}`} opacity={corrected ? 0.75 : 1}>
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Badge variant="light">{t(`cases.contact_kind.${entry.kind}`)}</Badge>
          <Text size="sm" fw={500}>
            {formatDate(entry.occurred_on, lang)}
          </Text>
          <Text size="xs" c="dimmed">
            {entry.author.display_name}
            {entry.edited_at ? ` · ${t('cases.journal.edited')}` : ''}
          </Text>
          {corrected ? (
            <Badge color="orange" variant="light">
              {t('cases.journal.was_corrected')}
            </Badge>
          ) : null}
        </Group>
        {!closed && !editing ? (
          <Group gap="xs">
            {entry.editable ? (
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
            <Button size="compact-xs" variant="subtle" onClick={onCorrect}>
              {t('cases.journal.correct')}
            </Button>
          </Group>
        ) : null}
      </Group>
      {corrects ? (
        <Text size="xs" c="dimmed" mb={4}>
          {t('cases.journal.corrects', { date: formatDate(corrects.occurred_on, lang), author: corrects.author.display_name })}
        </Text>
      ) : null}
      {editing ? (
        <Stack gap="xs">
          <FormErrors error={edit.error} fields={[]} />
          <Textarea label={t('cases.journal.text')} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              size="xs"
              loading={edit.isPending}
              onClick={() =>
                edit.mutate(
                  { entryId: entry.id, body: { text: text.trim(), version: entry.version } },
                  { onSuccess: () => setEditing(false) },
                )
              }
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.text}
        </Text>
      )}
    </Card>
  );
}
