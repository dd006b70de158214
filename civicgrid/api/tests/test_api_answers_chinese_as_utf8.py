def test_chinese_text_is_sent_as_utf8_not_escapes(client, db):
    body = client.get("/api/v1/me").content
    assert "请提供有效的令牌或 API 密钥。".encode() in body
    assert b"\\u" not in body
