<%@ Application Codebehind="Global.asax.cs" Inherits="Contoso.Billing.Web.Global" Language="C#" %>
