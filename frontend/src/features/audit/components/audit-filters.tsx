import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';

/** The filters as typed, before "Filter" applies them. */
export interface AuditDraft {
  entity: string | null;
  entityId: string;
  actor: string;
  action: string | null;
  from: string | null;
  to: string | null;
}

export const EMPTY_DRAFT: AuditDraft = { entity: null, entityId: '', actor: '', action: null, from: null, to: null };

interface Props {
  draft: AuditDraft;
  onChange: (draft: AuditDraft) => void;
  onApply: (draft: AuditDraft) => void;
  /** Whether filters are applied (offers to clear them). */
  filtered: boolean;
  /** The actions and kinds of record to choose from: `[code, label]`. */
  actions: Array<[string, string]>;
  entities: Array<[string, string]>;
}

/** The audit log's filters: what kind of record, which one, who, what, when. */
export function AuditFilters({ draft, onChange, onApply, filtered, actions, entities }: Props) {
  const { t } = useTranslation();
  return (
    <form
      aria-label={t('audit.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
        <Select
          label={t('audit.entity')}
          placeholder={t('audit.any')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothing_found')}
          data={entities.map(([value, text]) => ({ value, label: text }))}
          value={draft.entity}
          onChange={(entity) => onChange({ ...draft, entity })}
        />
        <TextInput
          label={t('audit.entity_id')}
          value={draft.entityId}
          onChange={(e) => onChange({ ...draft, entityId: e.currentTarget.value })}
          spellCheck={false}
        />
        <TextInput
          label={t('audit.actor')}
          placeholder={t('audit.actor_hint')}
          value={draft.actor}
          onChange={(e) => onChange({ ...draft, actor: e.currentTarget.value })}
          autoCapitalize="none"
          spellCheck={false}
        />
        <Select
          label={t('audit.action')}
          placeholder={t('audit.any')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothing_found')}
          data={actions.map(([value, text]) => ({ value, label: text }))}
          value={draft.action}
          onChange={(action) => onChange({ ...draft, action })}
        />
        <DateInput
          label={t('audit.from')}
          value={draft.from}
          onChange={(from) => onChange({ ...draft, from })}
          clearable
          valueFormat="YYYY-MM-DD"
          placeholder={t('common.date_placeholder')}
          maxDate={draft.to ?? undefined}
        />
        <DateInput
          label={t('audit.to')}
          value={draft.to}
          onChange={(to) => onChange({ ...draft, to })}
          clearable
          valueFormat="YYYY-MM-DD"
          placeholder={t('common.date_placeholder')}
          minDate={draft.from ?? undefined}
        />
      </SimpleGrid>
      <Group mt="md" gap="sm">
        <Button type="submit">{t('audit.filter')}</Button>
        {filtered ? (
          <Button variant="subtle" color="gray" onClick={() => onApply(EMPTY_DRAFT)}>
            {t('common.clear_filters')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}
