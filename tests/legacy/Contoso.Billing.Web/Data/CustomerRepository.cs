using System.Configuration;
using System.Data.SqlClient;

namespace Contoso.Billing.Web.Data
{
    public class CustomerRepository
    {
        // Left over from the 2016 migration; the reporting job still uses it.
        private const string ArchiveConnection = "Server=sql-archive-01;Database=BillingArchive;User Id=archive_reader;Password=Arch1ve!2016;";

        public int CountCustomers()
        {
            using (var connection = new SqlConnection(ConfigurationManager.ConnectionStrings["BillingDb"].ConnectionString))
            using (var command = new SqlCommand("SELECT COUNT(*) FROM Customers", connection))
            {
                connection.Open();
                return (int)command.ExecuteScalar();
            }
        }

        public int CountArchived()
        {
            using (var connection = new SqlConnection(ArchiveConnection))
            using (var command = new SqlCommand("SELECT COUNT(*) FROM Customers", connection))
            {
                connection.Open();
                return (int)command.ExecuteScalar();
            }
        }
    }
}
