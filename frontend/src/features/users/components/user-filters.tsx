import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOrganisation } from '@/lib/organisation';
import { ROLES, type Role } from '@/lib/roles';

export interface UserFilterValues {
  q: string;
  role: Role | null;
  eldershipId: string | null;
  /** `active`, `inactive`, or null for both. */
  status: string | null;
}

export const NO_USER_FILTERS: UserFilterValues = { q: '', role: null, eldershipId: null, status: null };

interface Props {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
}

/** Filters of the users list: name, role, eldership, active or not. */
export function UserFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  const filtered = Boolean(value.q || value.role || value.eldershipId || value.status);
  return (
    <Group align="flex-end" gap="md">
      <TextInput
        label={t('users.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.q}
        onChange={(e) => onChange({ ...value, q: e.currentTarget.value })}
        w={{ base: '100%', sm: 260 }}
        type="search"
      />
      <Select
        label={t('users.role_filter')}
        placeholder={t('users.all_roles')}
        clearable
        value={value.role}
        onChange={(role) => onChange({ ...value, role: role as Role | null })}
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        w={{ base: '100%', sm: 280 }}
      />
      <Select
        label={t('users.eldership')}
        placeholder={t('users.all_elderships')}
        clearable
        searchable
        nothingFoundMessage={t('common.nothing_found')}
        value={value.eldershipId}
        onChange={(eldershipId) => onChange({ ...value, eldershipId })}
        data={(organisation.data?.elderships ?? []).map((e) => ({ value: e.id, label: e.name }))}
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        label={t('users.status_filter')}
        placeholder={t('users.all_statuses')}
        clearable
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        data={[
          { value: 'active', label: t('users.active') },
          { value: 'inactive', label: t('users.inactive') },
        ]}
        w={{ base: '100%', sm: 160 }}
      />
      {filtered ? (
        <Button variant="subtle" color="gray" onClick={() => onChange(NO_USER_FILTERS)}>
          {t('common.clear_filters')}
        </Button>
      ) : null}
    </Group>
  );
}
