-- A refresh token now names its grant under the portal's HMAC (RefreshTokens), so a spent one presented again is
-- recognised without a row kept for each. Tokens issued before this version end their grant when spent twice no more;
-- they expire within myaccount.apps.refresh-token-life (a day unless set).
drop table spent_refresh_token;
