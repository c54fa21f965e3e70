import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { components } from '@/api/schema';
import { useMe } from '@/lib/me';
import { purposeFor } from '@/lib/purpose';
import { useSearch } from '../api/search';

type Status = components['schemas']['ApplicationStatus'];

/** Letters and digits a query needs before it is sent (the API's minimum). */
export const MIN_QUERY = 2;

/** Whether `q` has enough letters or digits to search. */
export function searchable(q: string): boolean {
  return (q.match(/[\p{L}\p{N}]/gu) ?? []).length >= MIN_QUERY;
}

/**
 * The header search across the people, applications and cases the reader
 * may see: results grouped by kind, arrow keys to move, Enter to open.
 */
export function HeaderSearch() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [q] = useDebouncedValue(value.trim(), 250);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const enabled = searchable(q);
  const results = useSearch(q, purposeFor(me.data?.roles), enabled);
  const groups = (results.data?.groups ?? []).filter((g) => g.items.length > 0);
  return (
    <Combobox
      store={combobox}
      withinPortal
      position="bottom-start"
      onOptionSubmit={(link) => {
        combobox.closeDropdown();
        setValue('');
        void navigate(link);
      }}
    >
      <Combobox.Target>
        <TextInput
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={results.isFetching ? <Loader size={14} aria-hidden /> : null}
          value={value}
          w={{ base: 180, md: 300 }}
          data-testid="header-search"
          onChange={(e) => {
            setValue(e.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown miw={340} data-testid="search-results">
        <Combobox.Options aria-label={t('search.label')}>
          {!searchable(value) ? (
            <Combobox.Empty>{t('search.hint')}</Combobox.Empty>
          ) : enabled && results.data && groups.length === 0 ? (
            <Combobox.Empty>{t('search.nothing')}</Combobox.Empty>
          ) : (
            groups.map((group) => (
              <Combobox.Group key={group.record} label={t(`search.groups.${group.record}`)}>
                {group.items.map((hit) => (
                  <Combobox.Option key={hit.id} value={hit.link} data-testid={`hit-${group.record}`}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <div>
                        <Text size="sm" fw={500}>
                          {hit.title}
                        </Text>
                        {hit.detail ? (
                          <Text size="xs" c="dimmed">
                            {i18n.language === 'en' && hit.detail_en ? hit.detail_en : hit.detail}
                          </Text>
                        ) : null}
                      </div>
                      {hit.status ? (
                        <Text size="xs" c="dimmed">
                          {t(`status.${hit.status as Status}`)}
                        </Text>
                      ) : null}
                    </Group>
                  </Combobox.Option>
                ))}
                {group.total > group.items.length ? (
                  <Text size="xs" c="dimmed" px="sm" pb={4}>
                    {t(group.more_than_total ? 'search.more_than' : 'search.more', { count: group.total - group.items.length })}
                  </Text>
                ) : null}
              </Combobox.Group>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
