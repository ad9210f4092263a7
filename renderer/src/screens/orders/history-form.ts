import { create } from 'zustand';
import { EMPTY_FORM, type FilterForm } from './HistoryFilters';

/** The Orders screen's search, filters and sort, kept while the person looks at an order and comes back. */
export const useHistoryForm = create<{ form: FilterForm; setForm(form: FilterForm): void }>((set) => ({
  form: EMPTY_FORM,
  setForm: (form) => set({ form }),
}));
