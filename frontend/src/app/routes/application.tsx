import { useParams } from 'react-router';
import { ApplicationView } from '@/features/applications';
import { useApplicationChanged } from '../application-changes';

/** `/applications/:id`: one application; its steps refresh the person files and the inbox too. */
export default function ApplicationRoute() {
  const { id = '' } = useParams();
  const changed = useApplicationChanged();
  return <ApplicationView id={id} onChanged={changed} />;
}
