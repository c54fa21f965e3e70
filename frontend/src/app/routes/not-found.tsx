import { NotFound } from '@/components/not-found';

/** Any other path. */
export default function NotFoundRoute() {
  return <NotFound />;
}
