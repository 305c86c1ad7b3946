# The inventory tool as a container image, for fan-out engines (a Kubernetes indexed Job, any CI that runs images).
# It is the .NET SDK image: a scan loads the scanned projects with MSBuild and restores their packages, and the SDK
# image already has git for the fan-out to clone with.
#   docker build -t inventory-scanner/inventory .
#   docker run --rm -v "$PWD:/work" inventory-scanner/inventory scan /work -o /work/inventory-report
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# Compiled ahead of time for the image's platform (ReadyToRun), as the tool packages are: see docs/performance.md.
RUN dotnet publish src/InventoryScanner.Cli/InventoryScanner.Cli.csproj -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true -o /opt/inventory

FROM mcr.microsoft.com/dotnet/sdk:10.0
COPY --from=build /opt/inventory /opt/inventory
RUN printf '#!/bin/sh\nexec dotnet /opt/inventory/inventory.dll "$@"\n' > /usr/local/bin/inventory \
    && chmod +x /usr/local/bin/inventory
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /work
ENTRYPOINT ["inventory"]
CMD ["--help"]
