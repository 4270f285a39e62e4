/// JSON shaped as the spec (`integrations-openapi.yml`) describes it, written for these tests.
public enum Fixtures {
    public static let token = """
        {
          "id": "SU-431-800-699",
          "name": "Tutorial API Token",
          "description": "The following represents a tutorial API token.",
          "external_id": "tutorial-1",
          "owner": {"id": "PA-000-000", "name": "Mighty Mick's LLC", "icon": "/media/PA-000-000/logo.png"},
          "status": "active",
          "extension": {"id": "EXT-000", "name": "custom", "icon": "/media/ext/custom.png", "revision": 1},
          "handle": "SU-431-800-699",
          "token": "f45bee7e79b10ff6eff67902ccb4f3d46724ceb8",
          "events": {
            "created": {"at": "2021-05-18T04:28:00+00:00", "by": {"id": "UR-000-000-001", "name": "Michael Goldmill"}},
            "updated": {"at": "2021-05-19T10:00:00.123456+00:00", "by": {"id": "UR-000-000-001", "name": "Michael Goldmill"}}
          },
          "permissions": [
            {"id": "PM-1", "object": {"id": "MD-0001"}, "events": {"granted": {"at": "2021-05-18T04:28:00+00:00", "by": {"id": "UR-000-000-001", "name": "Michael Goldmill"}}}},
            {"id": "PM-2", "object": {"id": "MD-0007"}}
          ],
          "expiration_date": null
        }
        """

    public static let webhook = """
        {
          "id": "WB-123-456-789",
          "type": "event",
          "object_class": "fulfillment_request",
          "label": "Fulfillment events",
          "active": true,
          "external_url": "https://hooks.example.com/connect",
          "jwt_secret": "jwt-secret-value-1234",
          "description": "Sends fulfillment requests to our ERP.",
          "http_method": "POST",
          "product": {"id": "PRD-000-000-001", "name": "Cloud Backup", "icon": "/media/p.png"},
          "data": {"team": "erp", "retries": 3},
          "headers": {"X-Custom_Header": "a", "authorization_hint": "b"},
          "api_url": "https://api.example.test/public/v1",
          "created_at": "2021-05-18T04:28:00+00:00",
          "created_by": {"id": "UR-000-000-001", "name": "Michael Goldmill"},
          "modified_at": null,
          "account": {"id": "PA-000-000", "name": "Mighty Mick's LLC"},
          "stats": {"events": 10, "triggers": 8, "success_triggers": 6, "failure_triggers": 2, "failure_since_last_success": 1},
          "last_event": "2021-06-01T12:00:00+00:00",
          "last_success": {"time": "2021-06-01T11:00:00+00:00", "response": {"ok": true}, "duration": 120, "status": "success", "status_code": 200},
          "last_failure": {"time": "2021-06-01T12:00:00+00:00", "response": {}, "duration": 3000, "status": "failure", "status_code": 504, "errors": "gateway timeout"}
        }
        """

    public static let extensionCustom = """
        {
          "id": "EXT-000", "name": "custom", "subtitle": "Custom Integration",
          "description": "Custom integration of your own systems with Connect.",
          "overview": "Use this token for scripts.", "portal": "any", "featured": false,
          "priority": 0, "status": "published", "websites": ["https://example.com"],
          "categories": [{"id": "CAT-1", "name": "Integration"}], "industries": [],
          "constraints": {"account": {"tokens": 32}}, "system": true,
          "events": {"created": {"at": "2020-01-01T00:00:00+00:00"}}
        }
        """

    public static let account = """
        {"id": "PA-000-000", "name": "Mighty Mick's LLC", "type": "provider", "role": "distributor",
         "brand": "BR-001", "external_id": "mm-1", "events": {"created": {"at": "2020-01-01T00:00:00+00:00"}}}
        """

    public static let authContext = """
        {"account": {"id": "PA-000-000", "name": "Mighty Mick's LLC", "icon": "/media/a.png"},
         "user": {"id": "UR-000-000-001", "name": "Michael Goldmill"}}
        """
}
