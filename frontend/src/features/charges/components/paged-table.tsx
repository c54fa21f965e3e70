import { Group, Pagination, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  align?: 'left' | 'right';
}

interface Props<T> {
  label: string;
  rows: readonly T[] | undefined;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  testId?: (row: T) => string;
  empty: string;
  busy: boolean;
  page: number;
  perPage: number;
  total: number;
  onPageChange: (page: number) => void;
  summary?: ReactNode;
}

/** A table inside a section of a page (the page has its own title): rows, paging, a summary. */
export function PagedTable<T>({ label, rows, columns, rowKey, testId, empty, busy, page, perPage, total, onPageChange, summary }: Props<T>) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing="xs" highlightOnHover aria-label={label} aria-busy={busy}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={c.align}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map((row) => (
              <Table.Tr key={rowKey(row)} data-testid={testId?.(row)}>
                {columns.map((c) => (
                  <Table.Td key={c.key} ta={c.align}>
                    {c.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows && rows.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {empty}
        </Text>
      ) : null}
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows ? summary : null}
        </Text>
        {total > perPage ? (
          <Pagination
            total={Math.ceil(total / perPage)}
            value={page}
            onChange={onPageChange}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('common.pagination.page', { page: item }) })}
          />
        ) : null}
      </Group>
    </>
  );
}
