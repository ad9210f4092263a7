import { create } from 'zustand';
import { EMPTY_FORM, type FilterForm } from './HistoryFilters';

/** The Orders screen's search, filters and sort, kept while the person looks at an order and comes back. */
export const useHistoryForm = create<{ form: FilterForm; change(patch: Partial<FilterForm>): void }>((set) => ({
  form: EMPTY_FORM,
  // A patch on the form as it is then: the search, asked a moment after typing stops, keeps a filter chosen meanwhile.
  change: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
}));
