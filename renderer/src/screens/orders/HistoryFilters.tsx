import { useEffect, useState } from 'react';
import type { OrderState } from '../../../../shared/domain';
import { useApp } from '../../state/app-store';
import type { HistoryFilterInput } from './use-order-history';

/** The state filter's choices: the groups a person asks for, then each state. */
export const STATE_CHOICES: { value: string; label: string; states: OrderState[] }[] = [
  { value: '', label: 'Any state', states: [] },
  { value: 'attention', label: 'Needs attention or failed', states: ['needs-attention', 'failed'] },
  { value: 'open', label: 'On their way', states: ['draft', 'submitting', 'accepted', 'processing', 'fetching'] },
  { value: 'complete', label: 'Complete', states: ['complete'] },
  { value: 'failed', label: 'Failed', states: ['failed'] },
  { value: 'cancelled', label: 'Cancelled', states: ['cancelled'] },
];

export const SORT_CHOICES: { value: string; label: string; sort: NonNullable<HistoryFilterInput['sort']>; direction: 'asc' | 'desc' }[] = [
  { value: 'newest', label: 'Newest first', sort: 'date', direction: 'desc' },
  { value: 'oldest', label: 'Oldest first', sort: 'date', direction: 'asc' },
  { value: 'value-high', label: 'Highest value first', sort: 'value', direction: 'desc' },
  { value: 'value-low', label: 'Lowest value first', sort: 'value', direction: 'asc' },
  { value: 'state', label: 'Needs attention first', sort: 'state', direction: 'asc' },
];

export interface FilterForm {
  search: string;
  state: string;
  accountId: string;
  from: string;
  to: string;
  sort: string;
}

export const EMPTY_FORM: FilterForm = { search: '', state: '', accountId: '', from: '', to: '', sort: 'newest' };

export function filterOf(form: FilterForm): HistoryFilterInput {
  const sort = SORT_CHOICES.find((s) => s.value === form.sort) ?? SORT_CHOICES[0]!;
  const states = STATE_CHOICES.find((s) => s.value === form.state)?.states ?? [];
  return {
    sort: sort.sort,
    direction: sort.direction,
    ...(form.search.trim() ? { search: form.search.trim() } : {}),
    ...(states.length > 0 ? { states } : {}),
    ...(form.accountId ? { accountId: form.accountId } : {}),
    ...(form.from ? { from: form.from } : {}),
    ...(form.to ? { to: form.to } : {}),
  };
}

/** Search, filters and sort of the order history; the search is asked a moment after typing stops. */
export function HistoryFilters({ form, onChange }: { form: FilterForm; onChange(patch: Partial<FilterForm>): void }) {
  const accounts = useApp((s) => s.accounts);
  const [search, setSearch] = useState(form.search);
  // "Clear the filters" empties the box too.
  useEffect(() => setSearch(form.search), [form.search]);
  useEffect(() => {
    if (search === form.search) return;
    const timer = setTimeout(() => onChange({ search }), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const set = onChange;
  return (
    <form className="search history-filters" role="search" aria-label="Search and filter orders" onSubmit={(e) => (e.preventDefault(), onChange({ search }))}>
      <div className="field wide">
        <label htmlFor="history-search">Search</label>
        <input id="history-search" type="search" value={search} placeholder="Reference, name, memo or product" onChange={(e) => setSearch(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="history-state">State</label>
        <select id="history-state" value={form.state} onChange={(e) => set({ state: e.target.value })}>
          {STATE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="history-account">Account</label>
        <select id="history-account" value={form.accountId} onChange={(e) => set({ accountId: e.target.value })}>
          <option value="">Every account</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field date">
        <label htmlFor="history-from">From</label>
        <input id="history-from" type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field date">
        <label htmlFor="history-to">To</label>
        <input id="history-to" type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <div className="field sort">
        <label htmlFor="history-sort">Sort</label>
        <select id="history-sort" value={form.sort} onChange={(e) => set({ sort: e.target.value })}>
          {SORT_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
