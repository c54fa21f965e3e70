import { Alert, Anchor, Button, Group, List, Select, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ListColumn, ListPage } from '@/components/list-page';
import { useServiceTypes } from '@/lib/catalogue';
import { errorMessage } from '@/lib/errors';
import { formatMoney, todayInLithuania } from '@/lib/format';
import { useConfirmFeeReview } from '../api/confirm-fee-review';
import { type FeeReviewItem, REVIEWS_PER_PAGE, useFeeReviews } from '../api/list-fee-reviews';

/** `YYYY-MM` of today and the `count` months after and before it, newest first. */
function monthChoices(today: string, before = 6, after = 2): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let d = after; d >= -before; d--) {
    const i = m + d;
    const yy = y + Math.floor(i / 12);
    const mm = ((i % 12) + 12) % 12;
    out.push(`${yy}-${String(mm + 1).padStart(2, '0')}`);
  }
  return out;
}

/**
 * `/fees/reviews?month=`: the decisions whose monthly fee would change in a
 * month (a new VRP or price, a newly recorded income) — the fee in force
 * and the new one — each confirmed by the division as a new fee record.
 */
export function FeeReviewsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? todayInLithuania().slice(0, 7);
  const [page, setPage] = useState(1);
  const reviews = useFeeReviews(month, page);
  const serviceTypes = useServiceTypes();
  const confirm = useConfirmFeeReview();
  const serviceName = (code: string) => {
    const spec = serviceTypes.data?.find((s) => s.code === code)?.spec;
    return spec ? (lang === 'en' ? spec.name_en : spec.name_lt) : code;
  };
  const columns: ListColumn<FeeReviewItem>[] = [
    {
      key: 'person',
      header: t('fees.reviews.person'),
      cell: (r) => (
        <Anchor component={Link} to={`/persons/${r.person_id}`}>
          {t('fees.reviews.open_person')}
        </Anchor>
      ),
    },
    { key: 'service', header: t('fees.reviews.service'), cell: (r) => serviceName(r.service_type) },
    { key: 'old', header: t('fees.reviews.old'), align: 'right', cell: (r) => formatMoney(r.old.fee, lang) },
    { key: 'new', header: t('fees.reviews.new'), align: 'right', cell: (r) => <b>{formatMoney(r.new.fee, lang)}</b> },
    {
      key: 'confirm',
      header: t('fees.reviews.action'),
      align: 'right',
      cell: (r) => (
        <Button
          size="xs"
          leftSection={<IconCheck size={14} aria-hidden />}
          loading={confirm.isPending && confirm.variables.decisionId === r.decision_id}
          onClick={() => confirm.mutate({ decisionId: r.decision_id, month, version: r.record_version })}
        >
          {t('fees.reviews.confirm')}
        </Button>
      ),
    },
  ];
  const problems = reviews.data?.problems ?? [];
  return (
    <ListPage
      title={t('fees.reviews.title')}
      subtitle={t('fees.reviews.subtitle')}
      query={reviews}
      rows={reviews.data?.items}
      columns={columns}
      rowKey={(r) => r.decision_id}
      rowProps={() => ({ 'data-testid': 'fee-review' })}
      empty={t('fees.reviews.none')}
      filters={
        <Group align="flex-end">
          <Select
            label={t('fees.reviews.month')}
            data={monthChoices(todayInLithuania())}
            value={month}
            allowDeselect={false}
            onChange={(v) => {
              if (v) setParams({ month: v });
              setPage(1);
            }}
            w={200}
          />
          {confirm.isError ? (
            <Alert color="red" role="alert" py={6}>
              {errorMessage(t, confirm.error)}
            </Alert>
          ) : null}
          {problems.length > 0 ? (
            <Alert color="orange" title={t('fees.reviews.problems')} w="100%">
              <List size="sm">
                {problems.map((p) => (
                  <List.Item key={p.decision_id}>
                    <Text size="sm" span>
                      {t(`errors.codes.${p.code}`, { defaultValue: p.detail })}
                    </Text>{' '}
                    <Text size="xs" c="dimmed" span>
                      {p.detail}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </Group>
      }
      paging={{ page, perPage: REVIEWS_PER_PAGE, total: reviews.data?.total ?? 0, onPageChange: setPage }}
    />
  );
}
