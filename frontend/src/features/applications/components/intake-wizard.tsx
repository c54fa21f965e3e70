import { Alert, Badge, Button, Card, Group, Radio, Select, SimpleGrid, Stack, Stepper, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiProblem, fieldErrors } from '@/api/problem';
import { errorMessage } from '@/lib/errors';
import type { components } from '@/api/schema';
import { QueryError } from '@/components/query-error';
import { useServiceTypes } from '@/lib/catalogue';
import { RuleRef } from '@/components/rule-ref';
import { formatMoney, todayInLithuania } from '@/lib/format';
import { useCreateApplication } from '../api/create-application';
import { useEligibility } from '../api/eligibility';
import type { OnApplicationChanged } from '../api/steps';
import { DocumentsChecklist, type ChecklistLine } from './documents-checklist';

type Channel = components['schemas']['Channel'];
const CHANNELS: Channel[] = ['in_person', 'post', 'email', 'eservices', 'case_management', 'other'];
const HINT_COLORS = { met: 'green', not_met: 'red', unknown: 'gray' } as const;

interface Props {
  /** The applicant chosen in the first step. */
  personId: string | null;
  /** The first step: choosing the applicant (another feature's picker, composed by the route). */
  personStep: ReactNode;
  /** After the application is created: for the data of other features that show it. */
  onChanged?: OnApplicationChanged;
}

/** Application intake, step by step: person → service → eligibility and documents → submit. */
export function IntakeWizard({ personId, personStep, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [serviceCode, setServiceCode] = useState<string | null>(null);
  const [lines, setLines] = useState<ChecklistLine[]>([]);
  const [receivedOn, setReceivedOn] = useState<string | null>(todayInLithuania());
  const [channel, setChannel] = useState<Channel>('in_person');
  const [representative, setRepresentative] = useState('');
  const [notes, setNotes] = useState('');
  const [stepError, setStepError] = useState<string | null>(null);

  const services = useServiceTypes();
  const eligibility = useEligibility(personId, serviceCode);
  const create = useCreateApplication();
  const lang = i18n.language;

  const service = useMemo(
    () => services.data?.find((s) => s.code === serviceCode) ?? null,
    [services.data, serviceCode],
  );

  function chooseService(code: string) {
    setServiceCode(code);
    const spec = services.data?.find((s) => s.code === code)?.spec;
    setLines(
      (spec?.required_documents ?? []).map((d) => ({ code: d.code, name_lt: d.name_lt, name_en: d.name_en, status: 'missing' })),
    );
  }

  const server = fieldErrors(create.error);
  const missing = lines.filter((l) => l.status === 'missing').length;

  function next() {
    if (step === 0 && !personId) return setStepError(t('intake.required_person'));
    if (step === 1 && !serviceCode) return setStepError(t('intake.required_service'));
    setStepError(null);
    setStep((s) => Math.min(s + 1, 3));
  }

  function submit(asDraft: boolean) {
    if (!personId || !serviceCode || !receivedOn) {
      setStepError(t('common.required'));
      return;
    }
    create.mutate(
      {
        person_id: personId,
        service_code: serviceCode,
        received_on: receivedOn,
        channel,
        representative: representative.trim() || null,
        notes: notes.trim() || null,
        documents: lines.map((l) => ({ code: l.code, status: l.status })),
        submit: !asDraft,
      },
      {
        onSuccess: (created) => {
          onChanged?.();
          notifications.show({ color: 'green', message: t('intake.created') });
          void navigate(`/applications/${created.id}`);
        },
      },
    );
  }

  const deadline = service?.spec.decision_deadline;

  return (
    <Stack maw={980}>
      <Title order={2}>{t('intake.title')}</Title>
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} allowNextStepsSelect={false}>
        <Stepper.Step label={t('intake.step_person')}>
          <Stack mt="md">{personStep}</Stack>
        </Stepper.Step>
        <Stepper.Step label={t('intake.step_service')}>
          {services.isError ? <QueryError error={services.error} /> : null}
          <Radio.Group
            mt="md"
            label={t('intake.service')}
            value={serviceCode ?? ''}
            onChange={chooseService}
            error={server.service_code}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              {(services.data ?? [])
                .filter((s) => s.active)
                .map((s) => (
                  <Radio.Card key={s.code} value={s.code} p="sm" radius="md">
                    <Group wrap="nowrap" align="flex-start">
                      <Radio.Indicator />
                      <div>
                        <Text fw={500}>{lang === 'en' ? s.spec.name_en : s.spec.name_lt}</Text>
                        <Group gap={4} mt={4}>
                          <Badge size="xs" variant="light" color={s.spec.free ? 'green' : 'blue'}>
                            {s.spec.free ? t('intake.free') : t('intake.paid')}
                          </Badge>
                          {s.spec.has_places ? (
                            <Badge size="xs" variant="light" color="orange">
                              {t('intake.queue')}
                            </Badge>
                          ) : null}
                        </Group>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
            </SimpleGrid>
          </Radio.Group>
        </Stepper.Step>
        <Stepper.Step label={t('intake.step_documents')}>
          <Stack mt="md">
            {deadline ? (
              <Text size="sm">
                {t('intake.deadline', {
                  amount: deadline.amount,
                  unit: t(`deadline.${deadline.unit}`),
                  from: t(`deadline.${deadline.from}`),
                })}
              </Text>
            ) : null}
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t('intake.hints')}
              </Title>
              {eligibility.data && eligibility.data.hints.length === 0 ? <Text size="sm">{t('intake.no_rule')}</Text> : null}
              <Stack gap={6}>
                {(eligibility.data?.hints ?? []).map((h, i) => (
                  <Group key={`${h.rule}-${i}`} gap="xs" wrap="nowrap">
                    <Badge color={HINT_COLORS[h.outcome as keyof typeof HINT_COLORS] ?? 'gray'} variant="light" miw={130}>
                      {t(`hint.${h.outcome}`)}
                    </Badge>
                    <Text size="sm">{t(`hint.reasons.${h.reason}`)}</Text>
                    <RuleRef rule={h.rule} />
                  </Group>
                ))}
              </Stack>
              {eligibility.data?.income_per_member && eligibility.data.vrp ? (
                <Text size="sm" c="dimmed" mt="xs">
                  {t('intake.income_info', {
                    income: formatMoney(eligibility.data.income_per_member, lang),
                    vrp: formatMoney(eligibility.data.vrp, lang),
                  })}
                </Text>
              ) : null}
              <Text size="xs" c="dimmed" mt="xs">
                {t('intake.hints_note')}
              </Text>
            </Card>
            <Card withBorder>
              <Title order={3} size="h5" mb="xs">
                {t('intake.documents')}
              </Title>
              <DocumentsChecklist lines={lines} onChange={setLines} errors={server} />
            </Card>
            {missing > 0 ? <Alert color="orange">{t('intake.missing_warning', { count: missing })}</Alert> : null}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('intake.step_submit')}>
          <Stack mt="md" maw={520}>
            <DateInput
              label={t('intake.received_on')}
              valueFormat="YYYY-MM-DD"
              required
              maxDate={todayInLithuania()}
              value={receivedOn}
              onChange={setReceivedOn}
              error={server.received_on}
            />
            <Select
              label={t('intake.channel')}
              data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              value={channel}
              allowDeselect={false}
              onChange={(v) => setChannel((v as Channel) ?? 'in_person')}
            />
            <TextInput label={t('intake.representative')} value={representative} onChange={(e) => setRepresentative(e.currentTarget.value)} error={server.representative} />
            <Textarea label={t('intake.notes')} autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={server.notes} />
          </Stack>
        </Stepper.Step>
      </Stepper>
      {stepError ? (
        <Alert color="red" role="alert">
          {stepError}
        </Alert>
      ) : null}
      {create.error instanceof ApiProblem && Object.keys(server).length === 0 ? (
        <Alert color="red" role="alert">
          {errorMessage(t, create.error)}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => Math.max(s - 1, 0))}>
          {t('intake.back')}
        </Button>
        {step < 3 ? (
          <Button onClick={next}>{t('intake.next')}</Button>
        ) : (
          <Group>
            <Button variant="default" onClick={() => submit(true)} loading={create.isPending}>
              {t('intake.draft')}
            </Button>
            <Button onClick={() => submit(false)} loading={create.isPending}>
              {t('intake.submit')}
            </Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}
