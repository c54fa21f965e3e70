import { Alert, Badge, Button, Checkbox, Code, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serviceScopeValues } from '@/api/schema';
import { ListPage } from '@/components/list-page';
import { errorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';
import { type ServiceAccount, type ServiceScope, useCreateServiceAccount, useServiceAccountAction, useServiceAccounts } from '../api/service-accounts';

/** A scope's i18n key (`:` would be read as a namespace). */
const scopeKey = (scope: ServiceScope) => `service_accounts.scope.${scope.replace(':', '_')}`;

/** `/service-accounts`: other municipal systems' accounts — create with scopes, show the secret once, give a new secret, deactivate. */
export function ServiceAccounts() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('service_accounts.title'));
  const accounts = useServiceAccounts();
  const action = useServiceAccountAction();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; clientId: string; secret: string } | null>(null);
  const [confirm, setConfirm] = useState<{ account: ServiceAccount; action: 'rotate' | 'deactivate' } | null>(null);
  const run = async () => {
    if (!confirm) return;
    try {
      const result = await action.mutateAsync(confirm);
      const name = confirm.account.name;
      if (confirm.action === 'rotate' && result.client_secret) {
        setSecret({ name, clientId: confirm.account.client_id, secret: result.client_secret });
        notifications.show({ color: 'green', message: t('service_accounts.rotated_ok', { name }) });
      } else {
        notifications.show({ color: 'green', message: t('service_accounts.deactivated_ok', { name }) });
      }
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
    }
    setConfirm(null);
  };
  const columns = [
    { key: 'name', header: t('service_accounts.name'), cell: (a: ServiceAccount) => <Text fw={500}>{a.name}</Text> },
    { key: 'client_id', header: t('service_accounts.client_id'), cell: (a: ServiceAccount) => <Code>{a.client_id}</Code> },
    { key: 'scopes', header: t('service_accounts.scopes'), cell: (a: ServiceAccount) => a.scopes.map((s) => t(scopeKey(s))).join(', ') },
    {
      key: 'status',
      header: t('service_accounts.status'),
      cell: (a: ServiceAccount) => (
        <Badge color={a.active ? 'green' : 'gray'} variant="light">
          {a.active ? t('service_accounts.active') : t('service_accounts.inactive')}
        </Badge>
      ),
    },
    { key: 'created', header: t('service_accounts.created'), cell: (a: ServiceAccount) => formatDate(a.created_at.slice(0, 10), i18n.language) },
    {
      key: 'actions',
      header: t('service_accounts.actions'),
      align: 'right' as const,
      cell: (a: ServiceAccount) =>
        a.active ? (
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            <Button size="xs" variant="light" aria-label={t('service_accounts.rotate_label', { name: a.name })} onClick={() => setConfirm({ account: a, action: 'rotate' })}>
              {t('service_accounts.rotate')}
            </Button>
            <Button size="xs" variant="light" color="red" aria-label={t('service_accounts.deactivate_label', { name: a.name })} onClick={() => setConfirm({ account: a, action: 'deactivate' })}>
              {t('service_accounts.deactivate')}
            </Button>
          </Group>
        ) : null,
    },
  ];
  return (
    <>
      <ListPage
        title={t('service_accounts.title')}
        subtitle={t('service_accounts.intro')}
        actions={<Button onClick={() => setCreating(true)}>{t('service_accounts.create')}</Button>}
        query={accounts}
        rows={accounts.data}
        columns={columns}
        rowKey={(a) => a.id}
        rowProps={(a) => ({ 'data-testid': `service-account-${a.client_id}` })}
        empty={t('service_accounts.empty')}
        minWidth={800}
      />
      <CreateDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(name, clientId, s) => {
          setCreating(false);
          setSecret({ name, clientId, secret: s });
          notifications.show({ color: 'green', message: t('service_accounts.created_ok', { name }) });
        }}
      />
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={confirm ? t(`service_accounts.${confirm.action}_label`, { name: confirm.account.name }) : ''}>
        <Stack>
          <Text size="sm">{confirm ? t(`service_accounts.${confirm.action}_confirm`, { name: confirm.account.name }) : null}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('common.cancel')}
            </Button>
            <Button color={confirm?.action === 'deactivate' ? 'red' : undefined} loading={action.isPending} onClick={() => void run()}>
              {confirm ? t(`service_accounts.${confirm.action}`) : null}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={secret !== null} onClose={() => setSecret(null)} title={t('service_accounts.secret_title')} closeOnClickOutside={false}>
        {secret ? (
          <Stack>
            <Alert color="orange">{t('service_accounts.secret_once')}</Alert>
            <Text size="sm">
              {t('service_accounts.client_id')}: <Code>{secret.clientId}</Code>
            </Text>
            <TextInput label={t('service_accounts.secret')} value={secret.secret} readOnly data-testid="client-secret" />
            <Group justify="flex-end">
              <CopyButton value={secret.secret}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t('service_accounts.copied') : t('service_accounts.copy')}</Button>}</CopyButton>
              <Button onClick={() => setSecret(null)}>{t('service_accounts.done')}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}

function CreateDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (name: string, clientId: string, secret: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateServiceAccount();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ServiceScope[]>([]);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const close = () => {
    setName('');
    setScopes([]);
    setErrors({});
    onClose();
  };
  const submit = async () => {
    const found = { name: name.trim() ? undefined : t('service_accounts.name_required'), scopes: scopes.length ? undefined : t('service_accounts.scopes_required') };
    setErrors(found);
    if (found.name || found.scopes) return;
    try {
      const created = await create.mutateAsync({ name: name.trim(), scopes });
      close();
      onCreated(created.account.name, created.account.client_id, created.client_secret);
    } catch (error) {
      setErrors({ name: errorMessage(t, error) });
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={t('service_accounts.create')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput label={t('service_accounts.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          <Checkbox.Group label={t('service_accounts.scopes')} value={scopes} onChange={(v) => setScopes(v as ServiceScope[])} error={errors.scopes} withAsterisk>
            <Stack gap={6} mt={6}>
              {serviceScopeValues.map((scope) => (
                <Checkbox key={scope} value={scope} label={t(scopeKey(scope))} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('service_accounts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
