import { Text } from '@mantine/core';
import { usePersonName } from '../api/get-person-name';

/** The name of the person served, once read. */
export function PersonName({ id, fw }: { id: string; fw?: number }) {
  const name = usePersonName(id);
  return (
    <Text size="sm" fw={fw} span>
      {name.data ?? '…'}
    </Text>
  );
}
