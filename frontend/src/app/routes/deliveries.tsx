import { useSearchParams } from 'react-router';
import { DELIVERY_TABS, DeliveriesPage, type DeliveryTab } from '@/features/deliveries';
import { PersonPicker } from '@/features/persons';

function asTab(value: string | null): DeliveryTab {
  return DELIVERY_TABS.find((t) => t === value) ?? 'schedules';
}

/** `/deliveries[?tab=&schedule=]`: schedules and visits, trips, meal lists and coupons; people are chosen with the persons feature's picker. */
export default function DeliveriesRoute() {
  const [params, setParams] = useSearchParams();
  return (
    <DeliveriesPage
      tab={asTab(params.get('tab'))}
      scheduleId={params.get('schedule')}
      onNavigate={({ tab, schedule }) => {
        const next: Record<string, string> = {};
        if (tab !== 'schedules') next.tab = tab;
        if (schedule) next.schedule = schedule;
        setParams(next);
      }}
      personPicker={(props) => <PersonPicker {...props} />}
    />
  );
}
