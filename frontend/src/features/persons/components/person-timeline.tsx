import { Anchor, Badge, Card, Group, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { formatDate } from '@/lib/format';

type TimelineEvent = components['schemas']['TimelineEvent'];

/** Everything that happened in a person's file, newest first; application events link to the application. */
export function PersonTimeline({ timeline }: { timeline: readonly TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="timeline">
      <Title order={3} size="h4" id="timeline" mb="md">
        {t('file.timeline')}
      </Title>
      {timeline.length === 0 ? <Text c="dimmed">{t('file.none')}</Text> : null}
      <Timeline bulletSize={14} lineWidth={2}>
        {timeline.map((e, i) => (
          <Timeline.Item key={`${e.event}-${e.on}-${i}`} title={t(`timeline.${e.event}`)}>
            <Group gap="xs">
              <Badge size="xs" variant="light" color="gray">
                {formatDate(e.on, i18n.language)}
              </Badge>
              {e.application_id ? (
                <Anchor component={Link} to={`/applications/${e.application_id}`} size="sm">
                  {e.label}
                </Anchor>
              ) : (
                <Text size="sm">{t(`certificate.${e.label}`)}</Text>
              )}
            </Group>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
