import { Alert, Badge, Button, Card, Checkbox, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '@/components/form-actions';
import { QueryError } from '@/components/query-error';
import { RuleRef } from '@/components/rule-ref';
import { fieldErrorMessages } from '@/lib/errors';
import { todayInLithuania } from '@/lib/format';
import { useMe } from '@/lib/me';
import { can } from '@/lib/roles';
import { useAddMealRecipient } from '../api/add-meal-recipient';
import { useCreateMealList } from '../api/create-meal-list';
import { type MealListView, useMealLists } from '../api/list-meal-lists';
import { isWorkingDay } from './limits';
import { DeliveryFormErrors } from './refusal';
import type { PersonPickerSlot } from './types';

/** A day's named meal lists (working days, R-LIM-4): the recipients and their signatures. */
export function MealsPanel({ personPicker }: { personPicker: PersonPickerSlot }) {
  const { t } = useTranslation();
  const me = useMe();
  const [day, setDay] = useState<string>(todayInLithuania());
  const [creating, setCreating] = useState(false);
  const [adding, setAdding] = useState<MealListView | null>(null);
  const lists = useMealLists(day);
  const mayRecord = can(me.data, 'record_deliveries');
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('deliveries.meals.title')}
        </Title>
        {mayRecord ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('deliveries.meals.new_list')}
          </Button>
        ) : null}
      </Group>
      <DateInput label={t('deliveries.meals.day')} w={220} valueFormat="YYYY-MM-DD" value={day} onChange={(v) => v && setDay(v)} />
      {!isWorkingDay(day) ? (
        <Alert color="orange">
          <Group gap={4}>
            {t('deliveries.meals.not_working_day')}
            <RuleRef rule="R-LIM-4" />
          </Group>
        </Alert>
      ) : null}
      {lists.isError ? <QueryError error={lists.error} /> : null}
      {lists.data && lists.data.length === 0 ? <Text c="dimmed">{t('deliveries.meals.empty')}</Text> : null}
      {(lists.data ?? []).map((list) => (
        <Card key={list.id} withBorder data-testid="meal-list">
          <Group justify="space-between">
            <Text fw={600}>{list.name}</Text>
            {mayRecord ? (
              <Button size="compact-sm" variant="light" onClick={() => setAdding(list)}>
                {t('deliveries.meals.add_recipient')}
              </Button>
            ) : null}
          </Group>
          {list.recipients.length === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t('deliveries.meals.no_recipients')}
            </Text>
          ) : (
            <Table mt="xs" striped aria-label={list.name}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deliveries.meals.name')}</Table.Th>
                  <Table.Th>{t('deliveries.meals.signature')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.recipients.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.person_name}</Table.Td>
                    <Table.Td>
                      {r.signed ? (
                        <Badge color="green" variant="light">
                          {r.signed_by_name ? `${t('deliveries.meals.signed')}: ${r.signed_by_name}` : t('deliveries.meals.signed')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light">
                          {t('deliveries.meals.not_signed')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('deliveries.meals.new_list')}>
        {creating ? <ListForm day={day} onDone={() => setCreating(false)} /> : null}
      </Modal>
      <Modal opened={adding !== null} onClose={() => setAdding(null)} size="lg" title={adding ? `${t('deliveries.meals.add_recipient')}: ${adding.name}` : ''}>
        {adding ? <RecipientForm list={adding} personPicker={personPicker} onDone={() => setAdding(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function ListForm({ day, onDone }: { day: string; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMealList();
  const form = useForm<{ name: string; served_on: string | null }>({
    mode: 'controlled',
    initialValues: { name: '', served_on: day },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.fields.required')),
      served_on: (v) => (v ? null : t('errors.fields.required')),
    },
  });
  const server = fieldErrorMessages(t, create.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        if (!v.served_on) return;
        create.mutate(
          { name: v.name.trim(), served_on: v.served_on },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.meals.list_created') });
              onDone();
            },
          },
        );
      })}
    >
      <Stack>
        <DeliveryFormErrors error={create.error} fields={['name', 'served_on']} />
        <TextInput label={t('deliveries.meals.list_name')} required maxLength={200} {...form.getInputProps('name')} error={form.errors.name ?? server.name} />
        <DateInput
          label={t('deliveries.meals.day')}
          required
          valueFormat="YYYY-MM-DD"
          {...form.getInputProps('served_on')}
          error={form.errors.served_on ?? server.served_on}
        />
        <FormActions onCancel={onDone} submitting={create.isPending} submitLabel={t('deliveries.meals.new_list')} />
      </Stack>
    </form>
  );
}

function RecipientForm({ list, personPicker, onDone }: { list: MealListView; personPicker: PersonPickerSlot; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddMealRecipient();
  const form = useForm<{ person_id: string | null; signed: boolean; signed_by_name: string }>({
    mode: 'controlled',
    initialValues: { person_id: null, signed: true, signed_by_name: '' },
    validate: { person_id: (v) => (v ? null : t('errors.fields.required')) },
  });
  const server = fieldErrorMessages(t, add.error);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => {
        if (!v.person_id) return;
        add.mutate(
          { listId: list.id, body: { person_id: v.person_id, signed: v.signed, signed_by_name: v.signed_by_name.trim() || null } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('deliveries.meals.recipient_added') });
              onDone();
            },
          },
        );
      })}
    >
      <Stack>
        <DeliveryFormErrors error={add.error} fields={['person_id', 'signed', 'signed_by_name']} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('deliveries.person')}
          </Text>
          {personPicker({ personId: form.values.person_id, onChange: (id) => form.setFieldValue('person_id', id) })}
          {form.errors.person_id ?? server.person_id ? (
            <Text size="sm" c="red.8">
              {form.errors.person_id ?? server.person_id}
            </Text>
          ) : null}
        </Stack>
        <Checkbox label={t('deliveries.meals.signed')} {...form.getInputProps('signed', { type: 'checkbox' })} />
        <TextInput
          label={t('deliveries.meals.signed_by_name')}
          maxLength={200}
          {...form.getInputProps('signed_by_name')}
          error={server.signed_by_name}
        />
        <FormActions onCancel={onDone} submitting={add.isPending} submitLabel={t('deliveries.meals.add_recipient')} />
      </Stack>
    </form>
  );
}
