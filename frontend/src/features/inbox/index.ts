// The division's inbox: its page, and the query keys through which whoever
// moves an application refreshes it.

export { inboxKeys } from './keys';
export { InboxList } from './components/inbox-list';
