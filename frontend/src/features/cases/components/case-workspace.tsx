import { Grid, Stack, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '@/components/query-error';
import { usePageTitle } from '@/lib/use-page-title';
import { type CaseView, useCase } from '../api/get-case';
import { CaseHeader } from './case-header';

export const CASE_TABS = ['assessment', 'meetings', 'plan', 'reviews', 'journal'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

interface Props {
  caseId: string;
  /** What each tab shows. */
  tabs: Record<CaseTab, (view: CaseView) => ReactNode>;
  /** Beside the tabs: the timeline, the family's members. */
  aside: (view: CaseView) => ReactNode;
}

/** `/cases/:id`: the header with the family, the children and the team; tabs of the work; the timeline beside. */
export function CaseWorkspace({ caseId, tabs, aside }: Props) {
  const { t } = useTranslation();
  const view = useCase(caseId);
  const [params, setParams] = useSearchParams();
  const tab = (CASE_TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as CaseTab) : 'assessment';
  usePageTitle(view.data ? view.data.number : t('cases.title'));

  if (view.isError) return <QueryError error={view.error} />;
  if (!view.data) return null;
  const data = view.data;

  return (
    <Stack maw={1400} gap="lg">
      <CaseHeader view={data} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs
            value={tab}
            onChange={(v) => setParams((p) => {
              p.set('tab', v ?? 'assessment');
              return p;
            }, { replace: true })}
            keepMounted={false}
          >
            <Tabs.List>
              {CASE_TABS.map((k) => (
                <Tabs.Tab key={k} value={k}>
                  {t(`cases.tabs.${k}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {CASE_TABS.map((k) => (
              <Tabs.Panel key={k} value={k} pt="md">
                {tabs[k](data)}
              </Tabs.Panel>
            ))}
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">{aside(data)}</Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
