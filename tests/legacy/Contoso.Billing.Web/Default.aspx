<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Default.aspx.cs" Inherits="Contoso.Billing.Web._Default" %>
<!DOCTYPE html>
<html>
<body>
  <form id="form1" runat="server">
    <asp:Label ID="ExchangeRate" runat="server" />
  </form>
</body>
</html>
