import { ActionIcon, Badge, Button, Card, Group, List, Loader, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { riskLevelValues, type components } from '@/api/schema';
import { FormErrors } from '@/components/form-errors';
import { QueryError } from '@/components/query-error';
import { RuleRef } from '@/components/rule-ref';
import { fieldErrorMessages } from '@/lib/errors';
import { formatDate, todayInLithuania } from '@/lib/format';
import { useAddAssessment } from '../api/add-assessment';
import type { CaseView } from '../api/get-case';
import { useAssessments } from '../api/list-assessments';

type RiskLevel = components['schemas']['RiskLevel'];

const LEVEL_COLORS: Record<RiskLevel, string> = { low: 'green', medium: 'orange', high: 'red' };

/** Splits a text area's lines into a list (empty lines dropped). */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Vertinimas: the needs assessments of the child and the family (R-CM-2), and a new one. */
export function AssessmentPanel({ view }: { view: CaseView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const assessments = useAssessments(view.id);
  const [adding, setAdding] = useState(false);
  const writable = view.status !== 'closed' && Boolean(view.case_manager);

  return (
    <Stack>
      {writable ? (
        adding ? (
          <AssessmentForm caseId={view.id} onDone={() => setAdding(false)} />
        ) : (
          <Group>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('cases.assessment.new')}
            </Button>
          </Group>
        )
      ) : null}
      {assessments.isError ? <QueryError error={assessments.error} /> : null}
      {assessments.isPending ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      {assessments.data && assessments.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.assessment.empty')}
        </Text>
      ) : null}
      {(assessments.data ?? []).map((a) => (
        <Card key={a.id} withBorder padding="md" data-testid={`assessment-${a.id}`}>
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{t('cases.assessment.of', { date: formatDate(a.assessed_on, lang) })}</Text>
            <Text size="xs" c="dimmed">
              {t('cases.assessment.signed_by', { name: a.signed_by.display_name })}
            </Text>
          </Group>
          <Text size="sm" fw={500}>
            {t('cases.assessment.risk_factors')}
          </Text>
          <List size="sm" mb="xs">
            {a.risk_factors.map((f, i) => (
              <List.Item key={i}>
                {f.factor}{' '}
                <Badge size="xs" color={LEVEL_COLORS[f.level]} variant="light">
                  {t(`cases.risk_level.${f.level}`)}
                </Badge>
                {f.notes ? (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {f.notes}
                  </Text>
                ) : null}
              </List.Item>
            ))}
          </List>
          <Group grow align="flex-start">
            <div>
              <Text size="sm" fw={500}>
                {t('cases.assessment.child_protective')}
              </Text>
              <Text size="sm">{a.child_protective_factors.join('; ') || '—'}</Text>
            </div>
            <div>
              <Text size="sm" fw={500}>
                {t('cases.assessment.family_protective')}
              </Text>
              <Text size="sm">{a.family_protective_factors.join('; ') || '—'}</Text>
            </div>
          </Group>
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
            {a.summary}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

interface Factor {
  key: number;
  factor: string;
  level: RiskLevel | null;
  notes: string;
}

function AssessmentForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddAssessment(caseId);
  const today = todayInLithuania();
  const [assessedOn, setAssessedOn] = useState<string | null>(today);
  const [factors, setFactors] = useState<Factor[]>([{ key: 0, factor: '', level: null, notes: '' }]);
  const [child, setChild] = useState('');
  const [family, setFamily] = useState('');
  const [summary, setSummary] = useState('');
  const [missing, setMissing] = useState(false);
  const server = fieldErrorMessages(t, add.error);
  const setFactor = (i: number, change: Partial<Factor>) => setFactors((fs) => fs.map((f, j) => (j === i ? { ...f, ...change } : f)));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!assessedOn || !summary.trim() || factors.some((f) => !f.factor.trim() || !f.level)) {
      setMissing(true);
      return;
    }
    add.mutate(
      {
        assessed_on: assessedOn,
        risk_factors: factors.map((f) => ({ factor: f.factor.trim(), level: f.level as RiskLevel, notes: f.notes.trim() || null })),
        child_protective_factors: lines(child),
        family_protective_factors: lines(family),
        summary: summary.trim(),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('cases.assessment.saved') });
          onDone();
        },
      },
    );
  }

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="assessment-form-title">
      <form noValidate onSubmit={submit}>
        <Stack>
          <Title order={3} size="h5" id="assessment-form-title">
            {t('cases.assessment.new')} <RuleRef rule="R-CM-2" />
          </Title>
          <FormErrors error={add.error} fields={['assessed_on', 'summary', 'risk_factors']} />
          <DateInput
            label={t('cases.assessment.assessed_on')}
            required
            valueFormat="YYYY-MM-DD"
            placeholder={t('common.date_placeholder')}
            maxDate={today}
            value={assessedOn}
            onChange={setAssessedOn}
            error={(missing && !assessedOn ? t('common.required') : null) ?? server.assessed_on}
          />
          <Stack gap="xs" role="group" aria-label={t('cases.assessment.risk_factors')}>
            <Text size="sm" fw={500}>
              {t('cases.assessment.risk_factors')}
            </Text>
            {factors.map((f, i) => (
              <Group key={f.key} align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('cases.assessment.factor_n', { n: i + 1 })}
                  required
                  style={{ flex: 2 }}
                  maxLength={200}
                  value={f.factor}
                  onChange={(e) => setFactor(i, { factor: e.currentTarget.value })}
                  error={missing && !f.factor.trim() ? t('common.required') : null}
                />
                <Select
                  label={t('cases.assessment.level_n', { n: i + 1 })}
                  required
                  w={140}
                  data={riskLevelValues.map((l) => ({ value: l, label: t(`cases.risk_level.${l}`) }))}
                  value={f.level}
                  onChange={(v) => setFactor(i, { level: v as RiskLevel | null })}
                  error={missing && !f.level ? t('common.required') : null}
                />
                <TextInput
                  label={t('cases.assessment.notes_n', { n: i + 1 })}
                  style={{ flex: 2 }}
                  value={f.notes}
                  onChange={(e) => setFactor(i, { notes: e.currentTarget.value })}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mb={6}
                  disabled={factors.length === 1}
                  aria-label={t('cases.assessment.remove_factor', { n: i + 1 })}
                  onClick={() => setFactors((fs) => fs.filter((_, j) => j !== i))}
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
                onClick={() => setFactors((fs) => [...fs, { key: Date.now(), factor: '', level: null, notes: '' }])}
              >
                {t('cases.assessment.add_factor')}
              </Button>
            </Group>
          </Stack>
          <Group grow align="flex-start">
            <Textarea
              label={t('cases.assessment.child_protective')}
              description={t('cases.assessment.one_per_line')}
              autosize
              minRows={2}
              value={child}
              onChange={(e) => setChild(e.currentTarget.value)}
            />
            <Textarea
              label={t('cases.assessment.family_protective')}
              description={t('cases.assessment.one_per_line')}
              autosize
              minRows={2}
              value={family}
              onChange={(e) => setFamily(e.currentTarget.value)}
            />
          </Group>
          <Textarea
            label={t('cases.assessment.summary')}
            required
            autosize
            minRows={3}
            maxLength={8000}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={(missing && !summary.trim() ? t('common.required') : null) ?? server.summary}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('cases.assessment.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
