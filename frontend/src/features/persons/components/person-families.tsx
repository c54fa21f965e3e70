import { ActionIcon, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@/api/schema';
import { FormModal } from '@/components/form-modal';
import { errorMessage } from '@/lib/errors';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useAddMember, useFamily, useRemoveMember } from '../api/family';
import { MemberForm } from './member-form';

type Membership = components['schemas']['MembershipView'];

/** The families a person belongs to, with their relation in each; a family's members open on demand. */
export function PersonFamilies({ families }: { families: readonly Membership[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={3} size="h5" mt="md" mb={4}>
        {t('file.families')}
      </Title>
      {families.length === 0 ? <Text size="sm" c="dimmed">{t('file.no_families')}</Text> : null}
      <Stack gap={4}>
        {families.map((f) => (
          <FamilyRow
            key={f.family_id}
            familyId={f.family_id}
            familyName={f.family_name}
            label={`${f.family_name} (${t(`relation.${f.relation}`)})`}
          />
        ))}
      </Stack>
    </>
  );
}

/**
 * A family's members, with adding and removing them (for those who record
 * people's data); `onChanged` after a change (a case showing the family).
 */
export function FamilyMembers({ familyId, familyName, onChanged }: { familyId: string; familyName: string; onChanged?: () => void }) {
  return <FamilyRow familyId={familyId} familyName={familyName} label={familyName} defaultOpen onChanged={onChanged} />;
}

interface RowProps {
  familyId: string;
  familyName: string;
  label: string;
  defaultOpen?: boolean;
  onChanged?: () => void;
}

function FamilyRow({ familyId, familyName, label, defaultOpen = false, onChanged }: RowProps) {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = can(me.data, 'write_persons');
  const [open, setOpen] = useState(defaultOpen);
  const [adding, setAdding] = useState(false);
  const [dirty, setDirty] = useState(false);
  const family = useFamily(familyId, open || adding);
  const add = useAddMember(familyId);
  const remove = useRemoveMember(familyId);
  const membersId = `family-${familyId}-members`;
  const closeAdd = () => {
    setAdding(false);
    setDirty(false);
    add.reset();
  };

  return (
    <div>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Button
          variant="subtle"
          size="compact-sm"
          px={4}
          leftSection={open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          aria-expanded={open}
          aria-controls={membersId}
          onClick={() => setOpen((o) => !o)}
        >
          {label}
        </Button>
        {canWrite ? (
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} aria-hidden />} onClick={() => setAdding(true)}>
            {t('family.add_member')}
          </Button>
        ) : null}
      </Group>
      {open ? (
        <Stack gap={2} pl="lg" id={membersId}>
          {family.isPending ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
          {family.isError ? <Text size="sm" c="red.8">{errorMessage(t, family.error)}</Text> : null}
          {remove.isError ? (
            <Text size="sm" c="red.8" role="alert">
              {errorMessage(t, remove.error)}
            </Text>
          ) : null}
          {(family.data?.members ?? []).map((m) => (
            <Group key={m.person.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">
                <Anchor component={Link} to={`/persons/${m.person.id}`} size="sm">
                  {m.person.first_name} {m.person.last_name}
                </Anchor>{' '}
                <Text span size="sm" c="dimmed">
                  ({t(`relation.${m.relation}`)})
                </Text>
              </Text>
              {canWrite ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t('family.remove_member', { name: `${m.person.first_name} ${m.person.last_name}` })}
                  loading={remove.isPending && remove.variables === m.person.id}
                  onClick={() => {
                    if (window.confirm(t('family.remove_confirm', { name: `${m.person.first_name} ${m.person.last_name}`, family: familyName })))
                      remove.mutate(m.person.id, { onSuccess: () => onChanged?.() });
                  }}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </Stack>
      ) : null}
      <FormModal
        opened={adding}
        onClose={closeAdd}
        title={t('family.add_member_to', { family: familyName })}
        dirty={dirty}
      >
        {(requestClose) => (
          <MemberForm
            memberIds={(family.data?.members ?? []).map((m) => m.person.id)}
            submitting={add.isPending}
            error={add.error}
            onDirtyChange={setDirty}
            onCancel={requestClose}
            onSubmit={(member) =>
              add.mutate(member, {
                onSuccess: () => {
                  notifications.show({ color: 'green', message: t('family.member_added') });
                  closeAdd();
                  setOpen(true);
                  onChanged?.();
                },
              })
            }
          />
        )}
      </FormModal>
    </div>
  );
}
