import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useCouponGrants } from '../api/list-coupon-grants';
import { useSchedules } from '../api/list-schedules';
import { useTrips } from '../api/list-trips';

/** On a person's file: their schedules, trips and coupons ("Suteiktos paslaugos"), for those who read deliveries. */
export function PersonDeliveriesCard({ personId }: { personId: string }) {
  const me = useMe();
  if (!can(me.data, 'read_deliveries')) return null;
  return <Summary personId={personId} />;
}

function Summary({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const schedules = useSchedules({ personId, status: null, page: 1 });
  const trips = useTrips({ personId, status: null, page: 1 });
  const coupons = useCouponGrants(personId);
  const nothing = schedules.data?.total === 0 && trips.data?.total === 0 && coupons.data?.total === 0;
  return (
    <Card withBorder data-testid="person-deliveries">
      <Title order={2} size="h4" mb="xs">
        {t('deliveries.person_card.title')}
      </Title>
      {nothing ? (
        <Text size="sm" c="dimmed">
          {t('deliveries.person_card.none')}
        </Text>
      ) : null}
      <Stack gap="xs">
        {(schedules.data?.items ?? []).map((s) => (
          <Group key={s.id} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {t(`deliveries.service.${s.service}`)} · {t('deliveries.visits.schedule_hours', { hours: s.hours_per_week })}
            </Text>
            <Group gap={6} wrap="nowrap">
              <Badge size="sm" variant="light" color={s.status === 'approved' ? 'green' : 'orange'}>
                {t(`deliveries.status.${s.status}`)}
              </Badge>
              <Anchor component={Link} to={`/deliveries?tab=visits&schedule=${s.id}`} size="sm">
                {t('deliveries.schedules.open_visits')}
              </Anchor>
            </Group>
          </Group>
        ))}
        {trips.data && trips.data.total > 0 ? (
          <Text size="sm">
            {t('deliveries.person_card.trips')}:{' '}
            {trips.data.items
              .slice(0, 3)
              .map((x) => `${formatDate(x.trip_on, i18n.language)} (${t(`deliveries.trips.status_values.${x.status}`)})`)
              .join(', ')}
            {trips.data.total > 3 ? ` +${trips.data.total - 3}` : ''}
          </Text>
        ) : null}
        {(coupons.data?.items ?? []).map((g) => (
          <Text key={g.id} size="sm">
            {t('deliveries.person_card.coupons')}: {t('deliveries.person_card.coupons_line', { issued: g.issued, coupons: g.coupons })}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
