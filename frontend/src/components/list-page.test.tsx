import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import '@/i18n';
import { ApiProblem } from '@/api/problem';
import { type ListColumn, ListPage, type ListPageProps } from './list-page';

interface Row {
  id: string;
  name: string;
}

const COLUMNS: ListColumn<Row>[] = [{ key: 'name', header: 'Vardas', cell: (r) => r.name }];
const DONE = { isPending: false, isFetching: false, isError: false, error: null };

function renderList(props: Partial<ListPageProps<Row>>) {
  render(
    <MantineProvider>
      <ListPage<Row>
        title="Asmenys"
        query={DONE}
        rows={undefined}
        columns={COLUMNS}
        rowKey={(r) => r.id}
        empty="Nieko nėra."
        {...props}
      />
    </MantineProvider>,
  );
}

describe('list page scaffold', () => {
  it('shows a loader until the first answer, and no empty message', () => {
    renderList({ query: { ...DONE, isPending: true, isFetching: true } });
    expect(screen.getByLabelText('Įkeliama…')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Asmenys' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText('Nieko nėra.')).toBeNull();
  });

  it('shows the rows under the column headings, and names the tab after the page', () => {
    renderList({ rows: [{ id: '1', name: 'Ona' }], summary: 'Rasta: 1' });
    const table = screen.getByRole('table', { name: 'Asmenys' });
    expect(within(table).getByRole('columnheader', { name: 'Vardas' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Ona' })).toBeInTheDocument();
    expect(screen.getByText('Rasta: 1')).toBeInTheDocument();
    expect(document.title).toBe('Asmenys – Atvejis');
  });

  it('says so when the answer is empty', () => {
    renderList({ rows: [] });
    expect(screen.getByText('Nieko nėra.')).toBeInTheDocument();
  });

  it('shows an error in Lithuanian', () => {
    const error = new ApiProblem({ status: 403, code: 'forbidden', detail: 'no' }, 403);
    renderList({ query: { ...DONE, isError: true, error } });
    expect(screen.getByRole('alert')).toHaveTextContent('Jūsų rolė neleidžia atlikti šio veiksmo.');
    expect(screen.queryByLabelText('Įkeliama…')).toBeNull();
  });

  it('pages by number when there is more than a page', async () => {
    const onPageChange = vi.fn();
    renderList({ rows: [{ id: '1', name: 'Ona' }], paging: { page: 1, perPage: 20, total: 45, onPageChange } });
    await userEvent.click(screen.getByRole('button', { name: '3 puslapis' }));
    expect(onPageChange).toHaveBeenCalledWith(3);
  });

  it('has no paging within one page', () => {
    renderList({ rows: [{ id: '1', name: 'Ona' }], paging: { page: 1, perPage: 20, total: 1, onPageChange: () => {} } });
    expect(screen.queryByRole('button', { name: '1 puslapis' })).toBeNull();
  });

  it('loads more after a cursor', async () => {
    const onLoadMore = vi.fn();
    renderList({ rows: [{ id: '1', name: 'Ona' }], paging: { hasMore: true, loadingMore: false, onLoadMore } });
    await userEvent.click(screen.getByRole('button', { name: 'Rodyti daugiau' }));
    expect(onLoadMore).toHaveBeenCalled();
  });
});
