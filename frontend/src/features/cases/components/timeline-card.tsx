import { Card, Loader, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { useTimeline } from '../api/timeline';

/** Everything that happened in the case, newest first (labels by kind, in the reader's language). */
export function TimelineCard({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(caseId);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="case-timeline">
      <Title order={3} size="h5" id="case-timeline" mb="sm">
        {t('cases.timeline.title')}
      </Title>
      {timeline.isPending ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      {timeline.isError ? <QueryError error={timeline.error} /> : null}
      {timeline.data && timeline.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.timeline.empty')}
        </Text>
      ) : null}
      <Timeline bulletSize={12} lineWidth={2} data-testid="case-timeline">
        {(timeline.data ?? []).map((item, i) => (
          <Timeline.Item key={`${item.kind}-${item.ref_id ?? ''}-${i}`} title={t(`cases.timeline.kind.${item.kind}`)} data-kind={item.kind}>
            <Text size="xs" c="dimmed">
              {formatDate(item.on, i18n.language)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
