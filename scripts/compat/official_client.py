"""Drives the official connect-openapi-client against a Connect endpoint (the sandbox).

Lists, creates, disables, enables and deletes a token, and checks each answer. Prints one
line per step and exits non-zero on the first surprise.
Usage: python official_client.py ENDPOINT API_KEY
"""
import sys

from connect.client import ClientError, ConnectClient


def main(endpoint, api_key):
    client = ConnectClient(api_key, endpoint=endpoint, use_specs=False, max_retries=0)
    tokens = client.ns('auth').collection('tokens')

    every = list(tokens.all())
    names = [token['name'] for token in every]
    assert 'Tutorial API Token' in names, names
    print(f'listed {len(every)} tokens, Tutorial API Token among them')

    count = tokens.all().count()
    assert count == len(every), (count, len(every))
    print(f'counted {count} tokens with limit=0')

    active = list(tokens.filter(status='active').order_by('-events.created.at'))
    assert all(token['status'] == 'active' for token in active)
    print(f'filtered {len(active)} active tokens, newest first')

    created = tokens.create(payload={
        'name': 'Made by connect-openapi-client',
        'description': 'Compatibility check',
        'extension': {'id': 'EXT-000'},
    })
    token_id = created['id']
    assert created['status'] == 'active', created
    print(f'created {token_id}')

    disabled = tokens[token_id].action('deactivate').post()
    assert disabled['status'] == 'inactive', disabled
    print(f'disabled {token_id}')

    enabled = tokens[token_id].action('activate').post()
    assert enabled['status'] == 'active', enabled
    print(f'enabled {token_id}')

    tokens[token_id].delete()
    try:
        tokens[token_id].get()
    except ClientError as error:
        assert error.status_code == 404, error
    else:
        raise AssertionError('the deleted token is still there')
    print(f'deleted {token_id}')

    webhooks = list(client.ns('notifications').collection('webhooks').all())
    assert len(webhooks) >= 3, webhooks
    print(f'listed {len(webhooks)} webhooks')
    print('connect-openapi-client: all checks passed')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
