import { InboxList } from '@/features/inbox';

/** `/inbox`: the Social Support Division's inbox. */
export default function InboxRoute() {
  return <InboxList />;
}
