import { ActionIcon, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
          <FamilyRow key={f.family_id} membership={f} />
        ))}
      </Stack>
    </>
  );
}

function FamilyRow({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const me = useMe();
  const canWrite = can(me.data, 'write_persons');
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const [dirty, setDirty] = useState(false);
  const family = useFamily(membership.family_id, open || adding);
  const add = useAddMember(membership.family_id);
  const remove = useRemoveMember(membership.family_id);
  const membersId = `family-${membership.family_id}-members`;
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
          {membership.family_name} ({t(`relation.${membership.relation}`)})
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
                {m.person.first_name} {m.person.last_name}{' '}
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
                    if (window.confirm(t('family.remove_confirm', { name: `${m.person.first_name} ${m.person.last_name}`, family: membership.family_name })))
                      remove.mutate(m.person.id);
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
        title={t('family.add_member_to', { family: membership.family_name })}
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
                },
              })
            }
          />
        )}
      </FormModal>
    </div>
  );
}
