import { Stack, Tabs, Text, Title } from '@mantine/core';
import { IconCalendarTime, IconCoin, IconListDetails } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ProcedureParametersPanel, RatesPanel, ServiceTypesPanel } from '@/features/catalogue';
import { usePageTitle } from '@/lib/use-page-title';

type Tab = 'services' | 'rates' | 'terms';
const TABS: readonly Tab[] = ['services', 'rates', 'terms'];

/**
 * `/catalogue` (`?tab=rates`, `?tab=terms`): the municipality's reference data,
 * the service catalogue, the rates and the case-management terms.
 */
export default function CatalogueRoute() {
  const { t } = useTranslation();
  usePageTitle(t('catalogue.title'));
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'services';

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Title order={2} fz={26} fw={600}>
          {t('catalogue.title')}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('catalogue.subtitle')}
        </Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'services' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="services" leftSection={<IconListDetails size={16} aria-hidden />}>
            {t('catalogue.services_tab')}
          </Tabs.Tab>
          <Tabs.Tab value="rates" leftSection={<IconCoin size={16} aria-hidden />}>
            {t('catalogue.rates_tab')}
          </Tabs.Tab>
          <Tabs.Tab value="terms" leftSection={<IconCalendarTime size={16} aria-hidden />}>
            {t('catalogue.params.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="services" pt="lg">
          <ServiceTypesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="rates" pt="lg">
          <RatesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="terms" pt="lg">
          <ProcedureParametersPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
