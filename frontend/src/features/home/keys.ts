// The query keys of the home page's work list.

export const homeKeys = {
  all: ['worklist'] as const,
};
