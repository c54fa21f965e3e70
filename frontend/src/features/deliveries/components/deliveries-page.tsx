import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconBus, IconCalendarTime, IconClipboardList, IconSoup, IconTicket } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@/lib/use-page-title';
import { CouponsPanel } from './coupons-panel';
import { MealsPanel } from './meals-panel';
import { SchedulesPanel } from './schedules-panel';
import { TripsPanel } from './trips-panel';
import type { PersonPickerSlot } from './types';
import { VisitsPanel } from './visits-panel';

export const DELIVERY_TABS = ['schedules', 'visits', 'trips', 'meals', 'coupons'] as const;
export type DeliveryTab = (typeof DELIVERY_TABS)[number];

interface Props {
  tab: DeliveryTab;
  /** The schedule whose visits are shown (`?schedule=`). */
  scheduleId: string | null;
  onNavigate: (to: { tab: DeliveryTab; schedule?: string | null }) => void;
  personPicker: PersonPickerSlot;
}

/** `/deliveries`: what the Centre gives every day – schedules and visits, trips, meal lists and coupons. */
export function DeliveriesPage({ tab, scheduleId, onNavigate, personPicker }: Props) {
  const { t } = useTranslation();
  usePageTitle(t('deliveries.title'));
  return (
    <Stack maw={1300}>
      <div>
        <Title order={1} fz={28} fw={600}>
          {t('deliveries.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('deliveries.subtitle')}
        </Text>
      </div>
      <Tabs value={tab} onChange={(v) => onNavigate({ tab: (v as DeliveryTab | null) ?? 'schedules', schedule: scheduleId })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="schedules" leftSection={<IconCalendarTime size={16} aria-hidden />}>
            {t('deliveries.tabs.schedules')}
          </Tabs.Tab>
          <Tabs.Tab value="visits" leftSection={<IconClipboardList size={16} aria-hidden />}>
            {t('deliveries.tabs.visits')}
          </Tabs.Tab>
          <Tabs.Tab value="trips" leftSection={<IconBus size={16} aria-hidden />}>
            {t('deliveries.tabs.trips')}
          </Tabs.Tab>
          <Tabs.Tab value="meals" leftSection={<IconSoup size={16} aria-hidden />}>
            {t('deliveries.tabs.meals')}
          </Tabs.Tab>
          <Tabs.Tab value="coupons" leftSection={<IconTicket size={16} aria-hidden />}>
            {t('deliveries.tabs.coupons')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="schedules" pt="lg">
          <SchedulesPanel personPicker={personPicker} onOpenVisits={(id) => onNavigate({ tab: 'visits', schedule: id })} />
        </Tabs.Panel>
        <Tabs.Panel value="visits" pt="lg">
          <VisitsPanel scheduleId={scheduleId} onChooseSchedule={(id) => onNavigate({ tab: 'visits', schedule: id })} />
        </Tabs.Panel>
        <Tabs.Panel value="trips" pt="lg">
          <TripsPanel personPicker={personPicker} />
        </Tabs.Panel>
        <Tabs.Panel value="meals" pt="lg">
          <MealsPanel personPicker={personPicker} />
        </Tabs.Panel>
        <Tabs.Panel value="coupons" pt="lg">
          <CouponsPanel personPicker={personPicker} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
