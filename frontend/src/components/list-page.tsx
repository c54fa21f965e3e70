import { Button, Center, Group, Loader, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '@/lib/use-page-title';
import { QueryError } from './query-error';

/** One column of the list: its heading and what each row shows in it. */
export interface ListColumn<T> {
  /** Unique among the columns. */
  key: string;
  /** The heading (already translated). */
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** `right` for amounts and row actions. */
  align?: 'left' | 'right';
  width?: number | string;
}

/** Numbered pages: the API's `page` and `per_page`, and the `total` it answers. */
export interface PagedList {
  page: number;
  perPage: number;
  total: number;
  onPageChange: (page: number) => void;
}

/** "Load more" after the rows shown (a cursor: the audit log). */
export interface LoadMoreList {
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/** What the scaffold needs to know of the list's query (a TanStack query result fits). */
export interface ListQueryState {
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
}

/** What a row's `<tr>` may carry besides its cells. */
export interface ListRowProps {
  'data-testid'?: string;
  style?: CSSProperties;
}

export interface ListPageProps<T> {
  /** The page's heading, the table's accessible name and the tab's title. */
  title: string;
  subtitle?: ReactNode;
  /** At the top right: the page's main action ("New user") or a summary badge. */
  actions?: ReactNode;
  /** The filter inputs, in a box above the table. */
  filters?: ReactNode;
  query: ListQueryState;
  /** The rows of the answer; `undefined` until the first one arrives. */
  rows: readonly T[] | undefined;
  columns: readonly ListColumn<T>[];
  rowKey: (row: T) => string;
  rowProps?: (row: T) => ListRowProps;
  /** Said instead of rows when the answer has none. */
  empty: string;
  /** Below the table on the left, once there is an answer: "Found: 12". Announced politely. */
  summary?: ReactNode;
  paging?: PagedList | LoadMoreList;
  /** Narrower than this, the table scrolls sideways. */
  minWidth?: number;
  maw?: number;
}

/**
 * The scaffold of a list page: title and actions, filters, the table with
 * its columns, and below it the paging. While the first answer is on its way
 * it shows a loader; an error is shown above the table in the user's
 * language; an empty answer says `empty`. Later answers (another page,
 * other filters) keep the rows shown and mark the table busy.
 */
export function ListPage<T>({
  title,
  subtitle,
  actions,
  filters,
  query,
  rows,
  columns,
  rowKey,
  rowProps,
  empty,
  summary,
  paging,
  minWidth = 760,
  maw = 1200,
}: ListPageProps<T>) {
  const { t } = useTranslation();
  usePageTitle(title);
  const loading = query.isPending && !query.isError;

  return (
    <Stack gap="lg" maw={maw}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} fz={26} fw={600}>
            {title}
          </Title>
          {subtitle ? (
            <Text c="dimmed" size="sm" mt={4}>
              {subtitle}
            </Text>
          ) : null}
        </div>
        {actions}
      </Group>

      {filters ? (
        <Paper withBorder radius="md" p="md">
          {filters}
        </Paper>
      ) : null}

      {query.isError ? <QueryError error={query.error} /> : null}

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={minWidth}>
          <Table
            verticalSpacing="sm"
            horizontalSpacing="md"
            highlightOnHover
            aria-label={title}
            aria-busy={query.isFetching}
          >
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.key} ta={column.align} w={column.width}>
                    {column.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rows ?? []).map((row) => (
                <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
                  {columns.map((column) => (
                    <Table.Td key={column.key} ta={column.align}>
                      {column.cell(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {loading ? (
          <Center py="xl">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : null}
        {rows && rows.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {empty}
          </Text>
        ) : null}
      </Paper>

      {summary !== undefined || paging ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" aria-live="polite">
            {rows ? summary : null}
          </Text>
          {paging ? <Paging paging={paging} /> : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function Paging({ paging }: { paging: PagedList | LoadMoreList }) {
  const { t } = useTranslation();
  if ('page' in paging) {
    if (paging.total <= paging.perPage) return null;
    return (
      <Pagination
        total={Math.ceil(paging.total / paging.perPage)}
        value={paging.page}
        onChange={paging.onPageChange}
        getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
        getItemProps={(item) => ({ 'aria-label': t('common.pagination.page', { page: item }) })}
      />
    );
  }
  if (!paging.hasMore) return null;
  return (
    <Button variant="default" onClick={paging.onLoadMore} loading={paging.loadingMore}>
      {t('common.load_more')}
    </Button>
  );
}
