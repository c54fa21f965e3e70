import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServiceTypes } from '@/lib/catalogue';
import { fieldErrorMessages, formErrorMessage } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { purposeFor } from '@/lib/purpose';
import { can } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import { type QuoteRequest, useQuoteFee } from '../api/quote-fee';
import { FeeBreakdownCard } from './fee-breakdown-card';

/** The fee rules a quote can work out (the others are set with the service). */
const QUOTABLE = ['R-FEE-1', 'R-FEE-5'];

type Who = 'household' | 'person';

interface Props {
  /** Picks a stored person (the route composes the persons feature's picker). */
  personPicker: (personId: string | null, onChange: (id: string | null) => void) => ReactNode;
}

/** A decimal as the API reads it: `12,5` → `12.5`; blank → null. */
function decimal(value: string): string | null {
  const v = value.trim().replace(',', '.');
  return v === '' ? null : v;
}

/**
 * `/fees/calculator`: what a person would pay for a service on a date — for
 * a stored person (their recorded income and family) or a household typed
 * in — worked out line by line. Nothing is stored.
 */
export function FeeCalculator({ personPicker }: Props) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('fees.title'));
  const me = useMe();
  const serviceTypes = useServiceTypes();
  const quote = useQuoteFee();
  const [serviceType, setServiceType] = useState<string | null>(null);
  const [on, setOn] = useState<string>(todayInLithuania());
  const [who, setWho] = useState<Who>('household');
  const [personId, setPersonId] = useState<string | null>(null);
  const [incomes, setIncomes] = useState<string[]>(['']);
  const [forFamily, setForFamily] = useState(false);
  const [hours, setHours] = useState('');
  const [km, setKm] = useState('');
  const [destinationFree, setDestinationFree] = useState(false);
  const [fullPrice, setFullPrice] = useState(false);

  const quotable = (serviceTypes.data ?? []).filter((s) => !s.spec.free && QUOTABLE.includes(s.spec.fee_rule ?? ''));
  const rule = quotable.find((s) => s.code === serviceType)?.spec.fee_rule ?? null;
  const name = (s: (typeof quotable)[number]) => (i18n.language === 'en' ? s.spec.name_en : s.spec.name_lt);
  const server = fieldErrorMessages(t, quote.error);
  const fieldError = (field: string) => server[field];
  const placed = ['service_type', 'on', 'hours', 'km_one_way', ...incomes.map((_, i) => `household.members[${i}].monthly_income`)];
  const formError = formErrorMessage(t, quote.error, placed);

  const submit = () => {
    if (!serviceType) return;
    const body: QuoteRequest = { service_type: serviceType, on };
    if (who === 'person') body.person_id = personId;
    else body.household = { members: incomes.map((v) => ({ monthly_income: decimal(v) ?? '' })), service_for_family: forFamily };
    if (rule === 'R-FEE-1') body.hours = decimal(hours);
    if (rule === 'R-FEE-5') {
      body.km_one_way = decimal(km);
      body.destination_free = destinationFree;
      body.full_price = fullPrice;
    }
    quote.mutate({ body, purpose: who === 'person' ? purposeFor(me.data?.roles) : null });
  };

  return (
    <Stack gap="lg" maw={900}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} fz={26} fw={600}>
            {t('fees.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('fees.subtitle')}
          </Text>
        </div>
        {can(me.data, 'run_charges') ? (
          <Button component={Link} to="/fees/reviews" variant="default">
            {t('fees.reviews.link')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder radius="md" p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack>
            <Group grow align="flex-start">
              <Select
                label={t('fees.service_type')}
                required
                data={quotable.map((s) => ({ value: s.code, label: name(s) }))}
                value={serviceType}
                onChange={(v) => {
                  setServiceType(v);
                  quote.reset();
                }}
                error={fieldError('service_type')}
              />
              <DateInput
                label={t('fees.on')}
                description={t('fees.on_hint')}
                required
                valueFormat="YYYY-MM-DD"
                value={on}
                onChange={(v) => setOn(v ?? todayInLithuania())}
                error={fieldError('on')}
              />
            </Group>
            <SegmentedControl
              aria-label={t('fees.who')}
              value={who}
              onChange={(v) => setWho(v as Who)}
              data={[
                { value: 'household', label: t('fees.who_household') },
                { value: 'person', label: t('fees.who_person') },
              ]}
            />
            {who === 'person' ? (
              personPicker(personId, setPersonId)
            ) : (
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {t('fees.members')}
                </Text>
                {incomes.map((income, i) => (
                  <Group key={i} align="flex-end" gap="xs">
                    <TextInput
                      label={i === 0 ? t('fees.member_first') : t('fees.member_n', { n: i + 1 })}
                      description={i === 0 ? t('fees.income_hint') : undefined}
                      inputMode="decimal"
                      rightSection="€"
                      value={income}
                      onChange={(e) => {
                        const next = [...incomes];
                        next[i] = e.currentTarget.value;
                        setIncomes(next);
                      }}
                      error={fieldError(`household.members[${i}].monthly_income`)}
                      w={340}
                    />
                    {i > 0 ? (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="lg"
                        aria-label={t('fees.remove_member', { n: i + 1 })}
                        onClick={() => setIncomes(incomes.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Group>
                ))}
                <Group>
                  <Button
                    variant="subtle"
                    size="xs"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setIncomes([...incomes, ''])}
                    disabled={incomes.length >= 50}
                  >
                    {t('fees.add_member')}
                  </Button>
                </Group>
                <Checkbox
                  label={t('fees.service_for_family')}
                  checked={forFamily}
                  onChange={(e) => setForFamily(e.currentTarget.checked)}
                />
              </Stack>
            )}
            {rule === 'R-FEE-1' ? (
              <TextInput
                label={t('fees.hours')}
                description={t('fees.hours_hint')}
                required
                inputMode="decimal"
                value={hours}
                onChange={(e) => setHours(e.currentTarget.value)}
                error={fieldError('hours')}
                w={260}
              />
            ) : null}
            {rule === 'R-FEE-5' ? (
              <Stack gap="xs">
                <TextInput
                  label={t('fees.km_one_way')}
                  description={t('fees.km_hint')}
                  required
                  inputMode="decimal"
                  rightSection="km"
                  value={km}
                  onChange={(e) => setKm(e.currentTarget.value)}
                  error={fieldError('km_one_way')}
                  w={260}
                />
                <Checkbox
                  label={t('fees.destination_free')}
                  checked={destinationFree}
                  onChange={(e) => setDestinationFree(e.currentTarget.checked)}
                />
                <Checkbox
                  label={t('fees.full_price')}
                  checked={fullPrice}
                  onChange={(e) => setFullPrice(e.currentTarget.checked)}
                />
              </Stack>
            ) : null}
            {formError ? (
              <Alert color="red" role="alert" data-testid="quote-error">
                {formError}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={quote.isPending} disabled={!serviceType || (who === 'person' && !personId)}>
                {t('fees.calculate')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {quote.data ? <FeeBreakdownCard breakdown={quote.data} /> : null}
    </Stack>
  );
}
