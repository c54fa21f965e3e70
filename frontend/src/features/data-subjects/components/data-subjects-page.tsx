import { Button, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '@/components/export-menu';
import { type ListColumn, ListPage } from '@/components/list-page';
import { QueryError } from '@/components/query-error';
import { downloadFile, MEDIA_TYPES } from '@/lib/download';
import { errorMessage } from '@/lib/errors';
import { usePageTitle } from '@/lib/use-page-title';
import { type DataSubjectAccess, type SubjectPerson, useAccesses, useSubjectSearch } from '../api/data-subjects';

/** A picked day (`YYYY-MM-DD`) as the start of that day, local time, in RFC 3339. */
function dayStart(value: string | null, plusDays = 0): string | null {
  return value ? dayjs(value).startOf('day').add(plusDays, 'day').toISOString() : null;
}

/** `{ auth: { login: "…" } }` → `[["auth.login", "…"]]`. */
function flatten(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [];
}

function fullName(p: SubjectPerson) {
  return `${p.first_name} ${p.last_name}`;
}

/** `/data-subjects`: find a person, see who read or changed their data, export it (BDAR 15 str.). */
export function DataSubjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t('data_subjects.title'));
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [person, setPerson] = useState<SubjectPerson | null>(null);
  const found = useSubjectSearch(q);

  return (
    <Stack gap="lg" maw={1400}>
      <div>
        <Title order={1}>{t('data_subjects.title')}</Title>
        <Text c="dimmed" mt={4} maw={820}>
          {t('data_subjects.intro')}
        </Text>
      </div>
      <Paper withBorder p="md">
        <form
          role="search"
          aria-label={t('data_subjects.search')}
          onSubmit={(e) => {
            e.preventDefault();
            setPerson(null);
            setQ(text.trim());
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('data_subjects.search')}
              description={t('data_subjects.search_hint')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              w={360}
              spellCheck={false}
            />
            <Button type="submit" disabled={text.trim() === ''}>
              {t('data_subjects.find')}
            </Button>
          </Group>
        </form>
        {found.isError ? <QueryError error={found.error} /> : null}
        {found.data ? (
          found.data.items.length === 0 ? (
            <Text mt="md">{t('data_subjects.nobody')}</Text>
          ) : (
            <Stack gap={4} mt="md" aria-label={t('data_subjects.found')} role="list">
              {found.data.items.map((p) => (
                <UnstyledButton
                  key={p.id}
                  role="listitem"
                  onClick={() => setPerson(p)}
                  aria-current={person?.id === p.id ? 'true' : undefined}
                  className="data-subject-choice"
                  p="xs"
                  style={{
                    borderRadius: 4,
                    border: '1px solid var(--mantine-color-gray-4)',
                    background: person?.id === p.id ? 'var(--mantine-color-blue-0)' : undefined,
                  }}
                >
                  <Text fw={600}>{fullName(p)}</Text>
                  <Text size="sm">
                    {[p.personal_code ?? t('data_subjects.no_code'), p.birth_date, p.declared_address]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          )
        ) : null}
      </Paper>
      {person ? <Accesses key={person.id} person={person} /> : null}
    </Stack>
  );
}

function Accesses({ person }: { person: SubjectPerson }) {
  const { t, i18n } = useTranslation();
  const [fromDay, setFromDay] = useState<string | null>(null);
  const [toDay, setToDay] = useState<string | null>(null);
  const [period, setPeriod] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const accesses = useAccesses(person.id, period.from, period.to);
  const rows = accesses.data?.pages.flatMap((p) => p.items);
  const [busy, setBusy] = useState<'json' | 'pdf' | null>(null);

  const actions = flatten(t('audit.actions', { returnObjects: true }));
  const actionLabel = (a: DataSubjectAccess) =>
    actions.find(([code]) => code === a.action)?.[1] ?? t(`data_subjects.kinds.${a.kind}`);
  const dateTime = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'lt-LT', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const stem = `${person.last_name}-${person.first_name}`;

  async function exportFile(kind: 'json' | 'pdf') {
    setBusy(kind);
    try {
      await downloadFile(`/api/v1/data-subjects/${person.id}/export.${kind}`, {
        accept: MEDIA_TYPES[kind],
        filename: `duomenys-${stem}.${kind}`,
        purpose: 'data_subject_request',
      });
    } catch (error) {
      notifications.show({ color: 'red', message: t('common.export.failed', { detail: errorMessage(t, error) }) });
    } finally {
      setBusy(null);
    }
  }

  const columns: ListColumn<DataSubjectAccess>[] = [
    {
      key: 'at',
      header: t('data_subjects.at'),
      width: 150,
      cell: (a) => <Text size="sm">{dateTime.format(new Date(a.at))}</Text>,
    },
    {
      key: 'who',
      header: t('data_subjects.who'),
      width: 240,
      cell: (a) => (
        <>
          <Text size="sm" fw={500}>
            {a.actor_name}
          </Text>
          <Text size="xs" c="dimmed">
            {a.actor_roles.length > 0
              ? a.actor_roles.map((r) => t(`roles.${r}`)).join(', ')
              : t(`audit.actor_kinds.${a.actor_kind}`, { defaultValue: a.actor_kind })}
          </Text>
        </>
      ),
    },
    {
      key: 'action',
      header: t('data_subjects.action'),
      width: 240,
      cell: (a) => <Text size="sm">{actionLabel(a)}</Text>,
    },
    {
      key: 'record',
      header: t('data_subjects.record'),
      width: 200,
      cell: (a) => <Text size="sm">{t(`data_subjects.entities.${a.entity}`, { defaultValue: a.entity })}</Text>,
    },
    {
      key: 'purpose',
      header: t('data_subjects.purpose'),
      cell: (a) => <Text size="sm">{a.purpose ? t(`data_subjects.purposes.${a.purpose}`) : '—'}</Text>,
    },
  ];

  return (
    <ListPage
      title={t('data_subjects.accesses_of', { name: fullName(person) })}
      subtitle={t('data_subjects.accesses_hint')}
      actions={
        <Group gap="sm">
          <ExportMenu
            path={`/api/v1/data-subjects/${person.id}/accesses/export`}
            params={{ from: period.from, to: period.to }}
            fileStem={`prieigos-${stem}`}
            purpose="data_subject_request"
          />
          <Button variant="default" loading={busy === 'json'} onClick={() => void exportFile('json')}>
            {t('data_subjects.export_json')}
          </Button>
          <Button variant="default" loading={busy === 'pdf'} onClick={() => void exportFile('pdf')}>
            {t('data_subjects.export_pdf')}
          </Button>
        </Group>
      }
      filters={
        <form
          aria-label={t('data_subjects.period')}
          onSubmit={(e) => {
            e.preventDefault();
            setPeriod({ from: dayStart(fromDay), to: dayStart(toDay, 1) });
          }}
        >
          <Group align="flex-end" gap="sm">
            <DateInput
              label={t('audit.from')}
              value={fromDay}
              onChange={setFromDay}
              clearable
              valueFormat="YYYY-MM-DD"
              placeholder={t('common.date_placeholder')}
              maxDate={toDay ?? undefined}
            />
            <DateInput
              label={t('audit.to')}
              value={toDay}
              onChange={setToDay}
              clearable
              valueFormat="YYYY-MM-DD"
              placeholder={t('common.date_placeholder')}
              minDate={fromDay ?? undefined}
            />
            <Button type="submit">{t('audit.filter')}</Button>
          </Group>
        </form>
      }
      query={accesses}
      rows={rows}
      columns={columns}
      rowKey={(a) => a.id}
      rowProps={() => ({ style: { verticalAlign: 'top' } })}
      empty={t('data_subjects.empty')}
      summary={t('audit.shown', { count: rows?.length ?? 0 })}
      paging={{
        hasMore: accesses.hasNextPage,
        loadingMore: accesses.isFetchingNextPage,
        onLoadMore: () => void accesses.fetchNextPage(),
      }}
      minWidth={900}
    />
  );
}
