def test_the_interactive_docs_load_their_scripts_from_this_server(client, db):
    page = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert "cdn." not in page


def test_the_schema_names_every_way_to_authenticate(client, db):
    schemes = client.get("/api/v1/openapi.json").json()["components"]["securitySchemes"]
    assert {scheme["type"] for scheme in schemes.values()} == {"http", "apiKey"}
    assert {scheme.get("name") for scheme in schemes.values()} >= {"X-Api-Key", "sessionid"}
