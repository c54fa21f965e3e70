import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrors } from '@/components/form-errors';
import { fieldErrorMessages } from '@/lib/errors';
import type { CaseView } from '../api/get-case';
import type { PlanVersionView } from '../api/get-plan';
import { type PlanInput, useSavePlan } from '../api/save-plan';

type ResponsibleInput = NonNullable<PlanInput['goals'][number]['actions'][number]['responsible']>;

interface EditedAction {
  key: string;
  id: string | null;
  what: string;
  // staff:ID, person:ID or organisation.
  responsible: string | null;
  organisation: string;
  due_on: string | null;
}

interface EditedGoal {
  key: string;
  id: string | null;
  title: string;
  actions: EditedAction[];
}

let counter = 0;
const nextKey = () => `k${(counter += 1)}`;

const emptyAction = (): EditedAction => ({ key: nextKey(), id: null, what: '', responsible: null, organisation: '', due_on: null });
const emptyGoal = (): EditedGoal => ({ key: nextKey(), id: null, title: '', actions: [emptyAction()] });

/** The editor's goals from a version of the plan (the ids kept, so the versions compare goal by goal). */
export function goalsFrom(version: PlanVersionView | null | undefined): EditedGoal[] {
  if (!version) return [emptyGoal()];
  return version.goals.map((g) => ({
    key: nextKey(),
    id: g.id,
    title: g.title,
    actions: g.actions.map((a) => ({
      key: nextKey(),
      id: a.id,
      what: a.what,
      responsible:
        a.responsible.kind === 'staff' && a.responsible.user
          ? `staff:${a.responsible.user.id}`
          : a.responsible.kind === 'family_member' && a.responsible.person
            ? `person:${a.responsible.person.id}`
            : a.responsible.kind === 'organisation'
              ? 'organisation'
              : null,
      organisation: a.responsible.organisation ?? '',
      due_on: a.due_on,
    })),
  }));
}

function responsibleInput(a: EditedAction): ResponsibleInput | null {
  if (!a.responsible) return null;
  if (a.responsible === 'organisation') return { kind: 'organisation', organisation: a.organisation.trim() };
  const [kind, id] = a.responsible.split(':');
  return kind === 'staff' ? { kind: 'staff', user_id: id } : { kind: 'family_member', person_id: id };
}

interface Props {
  view: CaseView;
  /** The draft being changed (its `version` is sent back), or the content a new draft starts from. */
  draft: PlanVersionView | null;
  startFrom: PlanVersionView | null;
  onDone: () => void;
}

/** The help plan's draft: goals, each with actions — what, who is responsible, by when (R-CMP-3). */
export function PlanEditor({ view, draft, startFrom, onDone }: Props) {
  const { t } = useTranslation();
  const [goals, setGoals] = useState<EditedGoal[]>(() => goalsFrom(draft ?? startFrom));
  const [missing, setMissing] = useState(false);
  const save = useSavePlan(view.id);
  const server = fieldErrorMessages(t, save.error);
  const responsibleOptions = [
    {
      group: t('cases.plan.team'),
      items: view.team.map((m) => ({ value: `staff:${m.user.id}`, label: m.user.display_name })),
    },
    {
      group: t('cases.workspace.family'),
      items: view.members.map((m) => ({ value: `person:${m.person.id}`, label: `${m.person.first_name} ${m.person.last_name}` })),
    },
    { group: t('cases.plan.others'), items: [{ value: 'organisation', label: t('cases.plan.organisation') }] },
  ];
  const setGoal = (i: number, change: Partial<EditedGoal>) => setGoals((gs) => gs.map((g, j) => (j === i ? { ...g, ...change } : g)));
  const setAction = (i: number, k: number, change: Partial<EditedAction>) =>
    setGoals((gs) => gs.map((g, j) => (j === i ? { ...g, actions: g.actions.map((a, l) => (l === k ? { ...a, ...change } : a)) } : g)));

  function submit() {
    const incomplete = goals.some(
      (g) =>
        !g.title.trim() ||
        g.actions.some((a) => !a.what.trim() || !a.responsible || !a.due_on || (a.responsible === 'organisation' && !a.organisation.trim())),
    );
    if (incomplete) {
      setMissing(true);
      return;
    }
    save.mutate(
      {
        version: draft?.version ?? null,
        goals: goals.map((g) => ({
          id: g.id,
          title: g.title.trim(),
          actions: g.actions.map((a) => ({ id: a.id, what: a.what.trim(), responsible: responsibleInput(a), due_on: a.due_on ?? '' })),
        })),
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('cases.plan.saved', { number: saved.number }) });
          onDone();
        },
      },
    );
  }

  return (
    <Stack data-testid="plan-editor">
      <FormErrors error={save.error} fields={[]} />
      {goals.map((g, i) => (
        <Card key={g.key} withBorder padding="md" component="fieldset" aria-label={t('cases.plan.goal_n', { n: i + 1 })}>
          <Group align="flex-end" wrap="nowrap">
            <Textarea
              label={t('cases.plan.goal_n', { n: i + 1 })}
              required
              autosize
              minRows={1}
              style={{ flex: 1 }}
              value={g.title}
              onChange={(e) => setGoal(i, { title: e.currentTarget.value })}
              error={(missing && !g.title.trim() ? t('common.required') : null) ?? server[`goals[${i}].title`]}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={6}
              aria-label={t('cases.plan.remove_goal', { n: i + 1 })}
              disabled={goals.length === 1}
              onClick={() => setGoals((gs) => gs.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
          <Stack gap="sm" mt="sm" pl="md">
            {g.actions.map((a, k) => {
              const n = `${i + 1}.${k + 1}`;
              const path = `goals[${i}].actions[${k}]`;
              return (
                <Stack key={a.key} gap={6} style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }} pl="sm">
                  <Group align="flex-end" wrap="nowrap">
                    <TextInput
                      label={t('cases.plan.action_n', { n })}
                      required
                      style={{ flex: 1 }}
                      value={a.what}
                      onChange={(e) => setAction(i, k, { what: e.currentTarget.value })}
                      error={(missing && !a.what.trim() ? t('common.required') : null) ?? server[`${path}.what`]}
                    />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mb={6}
                      aria-label={t('cases.plan.remove_action', { n })}
                      disabled={g.actions.length === 1}
                      onClick={() => setGoal(i, { actions: g.actions.filter((_, l) => l !== k) })}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                  <Group grow align="flex-start">
                    <Select
                      label={t('cases.plan.responsible_n', { n })}
                      required
                      data={responsibleOptions}
                      value={a.responsible}
                      onChange={(v) => setAction(i, k, { responsible: v })}
                      error={(missing && !a.responsible ? t('common.required') : null) ?? server[`${path}.responsible`]}
                    />
                    <DateInput
                      label={t('cases.plan.due_n', { n })}
                      required
                      valueFormat="YYYY-MM-DD"
                      placeholder={t('common.date_placeholder')}
                      value={a.due_on}
                      onChange={(v) => setAction(i, k, { due_on: v })}
                      error={(missing && !a.due_on ? t('common.required') : null) ?? server[`${path}.due_on`]}
                    />
                  </Group>
                  {a.responsible === 'organisation' ? (
                    <TextInput
                      label={t('cases.plan.organisation_n', { n })}
                      required
                      value={a.organisation}
                      onChange={(e) => setAction(i, k, { organisation: e.currentTarget.value })}
                      error={missing && !a.organisation.trim() ? t('common.required') : null}
                    />
                  ) : null}
                </Stack>
              );
            })}
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setGoal(i, { actions: [...g.actions, emptyAction()] })}
              >
                {t('cases.plan.add_action', { n: i + 1 })}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Group justify="space-between">
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setGoals((gs) => [...gs, emptyGoal()])}>
          {t('cases.plan.add_goal')}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('cases.plan.save_draft')}
          </Button>
        </Group>
      </Group>
      {missing ? (
        <Text size="sm" c="red.8" role="alert">
          {t('cases.plan.incomplete')}
        </Text>
      ) : null}
    </Stack>
  );
}
