import { Alert, Group, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '@/api/problem';
import { relationValues, type components } from '@/api/schema';
import { FormActions } from '@/components/form-actions';
import { errorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { type MemberInput, useMemberChoices } from '../api/family';

type Relation = components['schemas']['Relation'];

interface Props {
  /** People already in the family (not offered again). */
  memberIds: readonly string[];
  submitting: boolean;
  error: unknown;
  onSubmit: (member: MemberInput) => void;
  onCancel: () => void;
  onDirtyChange?: (dirty: boolean) => void;
}

/** Adding a family member: find the person by name, choose their relation. */
export function MemberForm({ memberIds, submitting, error, onSubmit, onCancel, onDirtyChange }: Props) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [personId, setPersonId] = useState<string | null>(null);
  const [relation, setRelation] = useState<Relation | null>(null);
  const [missing, setMissing] = useState(false);
  const choices = useMemberChoices(debouncedQ);
  const dirty = q !== '' || personId !== null || relation !== null;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  const server = fieldErrors(error);
  const candidates = (choices.data ?? []).filter((p) => !memberIds.includes(p.id));
  const problem = error && Object.keys(server).length === 0 ? errorMessage(t, error) : null;

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!personId || !relation) {
          setMissing(true);
          return;
        }
        onSubmit({ person_id: personId, relation });
      }}
    >
      <Stack>
        {problem ? (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        ) : null}
        <TextInput
          label={t('family.find_person')}
          description={t('persons.search_hint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-autofocus
        />
        <Radio.Group
          label={t('family.person')}
          value={personId}
          onChange={setPersonId}
          error={(missing && !personId ? t('common.required') : null) ?? server.person_id}
        >
          <Stack gap={6} mt={4}>
            {candidates.map((p) => (
              <Radio
                key={p.id}
                value={p.id}
                label={
                  <Text size="sm" span>
                    {p.last_name}, {p.first_name}{' '}
                    <Text span c="dimmed" size="sm">
                      {p.personal_code ?? ''} {formatDate(p.birth_date, i18n.language)}
                    </Text>
                  </Text>
                }
              />
            ))}
            {debouncedQ.trim().length >= 2 && choices.isSuccess && candidates.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('persons.empty')}
              </Text>
            ) : null}
          </Stack>
        </Radio.Group>
        <Select
          label={t('family.relation')}
          required
          data={relationValues.map((r) => ({ value: r, label: t(`relation.${r}`) }))}
          value={relation}
          onChange={(v) => setRelation(v as Relation | null)}
          error={(missing && !relation ? t('common.required') : null) ?? server.relation}
        />
        <Group justify="flex-end" gap={0}>
          <FormActions onCancel={onCancel} submitting={submitting} submitLabel={t('family.add_member')} />
        </Group>
      </Stack>
    </form>
  );
}

