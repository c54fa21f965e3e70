import { Badge, Button, Card, Group, Loader, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatusValues, type components } from '@/api/schema';
import { FormErrors } from '@/components/form-errors';
import { QueryError } from '@/components/query-error';
import { RuleRef } from '@/components/rule-ref';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useAddReview } from '../api/add-review';
import type { CaseView } from '../api/get-case';
import { type PlanVersionView, usePlan } from '../api/get-plan';
import { useReviews } from '../api/list-reviews';

type ActionStatus = components['schemas']['ActionStatus'];

/** Peržiūros: reviews of the agreed plan (R-CMP-4), goal by goal, with the actions' statuses and the next review date. */
export function ReviewsPanel({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const plan = usePlan(view.id);
  const reviews = useReviews(view.id);
  const [adding, setAdding] = useState(false);
  const writable = view.status !== 'closed' && Boolean(view.case_manager);
  const agreed = plan.data?.agreed;

  return (
    <Stack>
      {writable && agreed ? (
        adding ? (
          <ReviewForm view={view} agreed={agreed} onDone={() => setAdding(false)} />
        ) : (
          <Group>
            <Button onClick={() => setAdding(true)}>{t('cases.reviews.new')}</Button>
          </Group>
        )
      ) : null}
      {plan.data && !agreed ? (
        <Text size="sm" c="dimmed">
          {t('cases.reviews.needs_plan')}
        </Text>
      ) : null}
      {reviews.isError ? <QueryError error={reviews.error} /> : null}
      {reviews.isPending ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      {reviews.data && reviews.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.reviews.empty')}
        </Text>
      ) : null}
      {(reviews.data ?? []).map((r) => (
        <Card key={r.id} withBorder padding="md" data-testid={`review-${r.id}`}>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('cases.reviews.of', { date: formatDate(r.reviewed_on, lang) })}</Text>
            <Badge variant="light">{t('cases.reviews.next', { date: formatDate(r.next_review_on, lang) })}</Badge>
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            {r.created_by.display_name}
            {r.plan_version ? ` · ${t('cases.plan.version_n', { n: r.plan_version })}` : ''}
          </Text>
          <Stack gap="xs">
            {r.goals.map((g) => (
              <div key={g.goal_id}>
                <Text size="sm" fw={500}>
                  {g.goal_title}
                </Text>
                <Text size="sm">
                  {t('cases.reviews.achieved')}: {g.achieved || '—'}
                </Text>
                <Text size="sm">
                  {t('cases.reviews.changes')}: {g.changes || '—'}
                </Text>
              </div>
            ))}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {r.summary}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

interface GoalValues {
  achieved: string;
  changes: string;
}

function ReviewForm({ view, agreed, onDone }: { view: CaseView; agreed: PlanVersionView; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddReview(view.id);
  const today = todayInLithuania();
  const [reviewedOn, setReviewedOn] = useState<string | null>(today);
  const [nextOn, setNextOn] = useState<string | null>(null);
  const [summary, setSummary] = useState('');
  const [goals, setGoals] = useState<Record<string, GoalValues>>({});
  const [statuses, setStatuses] = useState<Record<string, ActionStatus>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState(false);
  const server = fieldErrorMessages(t, add.error);
  const actions = agreed.goals.flatMap((g) => g.actions);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const reasonMissing = Object.entries(statuses).some(([id, s]) => s === 'not_done' && !(reasons[id] ?? '').trim());
    if (!reviewedOn || !nextOn || !summary.trim() || reasonMissing) {
      setMissing(true);
      return;
    }
    add.mutate(
      {
        reviewed_on: reviewedOn,
        next_review_on: nextOn,
        summary: summary.trim(),
        goals: agreed.goals.map((g) => ({
          goal_id: g.id,
          achieved: (goals[g.id]?.achieved ?? '').trim(),
          changes: (goals[g.id]?.changes ?? '').trim(),
        })),
        action_updates: actions
          .filter((a) => statuses[a.id] && statuses[a.id] !== a.status)
          .map((a) => ({ action_id: a.id, status: statuses[a.id] as ActionStatus, reason: (reasons[a.id] ?? '').trim() || null })),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('cases.reviews.saved') });
          onDone();
        },
      },
    );
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="review-form-title">
      <form noValidate onSubmit={submit}>
        <Stack>
          <Title order={3} size="h5" id="review-form-title">
            {t('cases.reviews.new')} <RuleRef rule="R-CMP-4" />
          </Title>
          <FormErrors error={add.error} fields={['reviewed_on', 'next_review_on', 'summary']} />
          <DateInput
            label={t('cases.reviews.reviewed_on')}
            required
            valueFormat="YYYY-MM-DD"
            placeholder={t('common.date_placeholder')}
            maxDate={today}
            value={reviewedOn}
            onChange={setReviewedOn}
            error={(missing && !reviewedOn ? t('common.required') : null) ?? server.reviewed_on}
          />
          {agreed.goals.map((g, i) => (
            <Card key={g.id} withBorder padding="sm" component="fieldset" aria-label={t('cases.plan.goal_n', { n: i + 1 })}>
              <Text fw={600} mb="xs">
                {i + 1}. {g.title}
              </Text>
              <Stack gap="xs">
                <Textarea
                  label={t('cases.reviews.achieved_n', { n: i + 1 })}
                  autosize
                  minRows={1}
                  value={goals[g.id]?.achieved ?? ''}
                  onChange={(e) => {
                    const achieved = e.currentTarget.value;
                    setGoals((gs) => ({ ...gs, [g.id]: { achieved, changes: gs[g.id]?.changes ?? '' } }));
                  }}
                />
                <Textarea
                  label={t('cases.reviews.changes_n', { n: i + 1 })}
                  autosize
                  minRows={1}
                  value={goals[g.id]?.changes ?? ''}
                  onChange={(e) => {
                    const changes = e.currentTarget.value;
                    setGoals((gs) => ({ ...gs, [g.id]: { achieved: gs[g.id]?.achieved ?? '', changes } }));
                  }}
                />
                {g.actions.map((a) => (
                  <Group key={a.id} align="flex-end" wrap="nowrap">
                    <Select
                      label={t('cases.plan.status_of', { what: a.what })}
                      style={{ flex: 1 }}
                      allowDeselect={false}
                      data={actionStatusValues.map((s) => ({ value: s, label: t(`cases.action_status.${s}`) }))}
                      value={statuses[a.id] ?? a.status}
                      onChange={(v) => setStatuses((s) => ({ ...s, [a.id]: v as ActionStatus }))}
                    />
                    {statuses[a.id] === 'not_done' ? (
                      <TextInput
                        label={t('cases.plan.not_done_reason')}
                        required
                        value={reasons[a.id] ?? ''}
                        onChange={(e) => {
                          const reason = e.currentTarget.value;
                          setReasons((r) => ({ ...r, [a.id]: reason }));
                        }}
                        error={missing && !(reasons[a.id] ?? '').trim() ? t('common.required') : null}
                      />
                    ) : null}
                  </Group>
                ))}
              </Stack>
            </Card>
          ))}
          <Textarea
            label={t('cases.reviews.summary')}
            required
            autosize
            minRows={2}
            maxLength={8000}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={(missing && !summary.trim() ? t('common.required') : null) ?? server.summary}
          />
          <DateInput
            label={t('cases.reviews.next_review_on')}
            description={t('cases.reviews.next_hint', { months: view.parameters.review_interval_months })}
            required
            valueFormat="YYYY-MM-DD"
            placeholder={t('common.date_placeholder')}
            minDate={reviewedOn ?? today}
            value={nextOn}
            onChange={setNextOn}
            error={(missing && !nextOn ? t('common.required') : null) ?? server.next_review_on}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('cases.reviews.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
